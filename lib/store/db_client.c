/* The oauth_clients table; see db_client.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "parse/grant.h"
#include "store/db_client.h"
#include "store/db_row.h"

enum stmt {
	STMT_FIND,
	STMT_CREATE,
	STMT_REVOKE,
	STMT_LIST,
	STMT_PERSONAL,
	STMT_RESOURCE_SERVER,
	STMT__MAX
};

static const struct db_stmt stmts[STMT__MAX] = {
	[STMT_FIND] = { "client_find",
	    "SELECT c.id, c.name, encode(c.secret, 'hex'), c.user_id, "
	    "array_to_string(c.redirect_uris, ' '), "
	    "array_to_string(c.grant_types, ' '), "
	    "array_to_string(c.scopes, ' '), c.first_party, c.revoked, "
	    "array_to_string(u.scopes, ' '), coalesce(u.revoked, false), "
	    "c.xmin, coalesce(u.xmin::text, ''), c.resource_server "
	    "FROM oauth_clients c LEFT JOIN users u ON u.id = c.user_id "
	    "WHERE c.id = $1", 1 },
	[STMT_CREATE] = { "client_create",
	    "INSERT INTO oauth_clients (name, user_id, secret, confidential, "
	    "grant_types, redirect_uris, scopes, first_party, "
	    "resource_server) "
	    "VALUES ($1, $2, decode($3, 'hex'), $3 IS NOT NULL, "
	    "string_to_array($4, ' '), string_to_array($5, ' '), "
	    "string_to_array($6, ' '), $7, $8) RETURNING id", 8 },
	[STMT_REVOKE] = { "client_revoke",
	    "UPDATE oauth_clients SET revoked = true, updated_at = now() "
	    "WHERE id = $1", 1 },
	[STMT_LIST] = { "client_list",
	    "SELECT id, name, array_to_string(grant_types, ','), "
	    "coalesce(user_id::text, '-'), revoked, resource_server "
	    "FROM oauth_clients ORDER BY created_at, id", 0 },
	[STMT_PERSONAL] = { "client_personal",
	    "SELECT id FROM oauth_clients WHERE NOT revoked AND "
	    "'personal_access' = ANY (grant_types) "
	    "ORDER BY created_at DESC LIMIT 1", 0 },
	/* Any UPDATE changes xmin: every process's cached copy is stale. */
	[STMT_RESOURCE_SERVER] = { "client_resource_server",
	    "UPDATE oauth_clients SET resource_server = $2, "
	    "updated_at = now() WHERE id = $1", 2 },
};

static const struct db_col list_cols[] = {
	DB_COL(DB_TEXT, struct client_list_row, id),
	DB_COL(DB_TEXT, struct client_list_row, name),
	DB_COL(DB_TEXT, struct client_list_row, grants),
	DB_COL(DB_TEXT, struct client_list_row, owner),
	DB_COL(DB_BOOL, struct client_list_row, revoked),
	DB_COL(DB_BOOL, struct client_list_row, resource_server),
};
static const struct db_row list_row = DB_ROW(struct client_list_row,
    list_cols);

enum db_status
db_client_find(struct db *db, const char *id, struct client *out,
    int *found)
{
	const char	*p[1] = { id };
	PGresult	*r;
	enum db_status	 s;

	memset(out, 0, sizeof(*out));
	*found = 0;
	if ((s = db_exec_idempotent(db, &stmts[STMT_FIND], p, &r)) != DB_OK)
		return s;
	if (PQntuples(r) == 1) {
		*found = 1;
		strncpy(out->id, PQgetvalue(r, 0, 0), sizeof(out->id) - 1);
		out->name = xstrdup(PQgetvalue(r, 0, 1));
		out->secret_hex = db_value(r, 2);
		out->user_id = db_value(r, 3);
		out->redirect_uris = xstrdup(PQgetvalue(r, 0, 4));
		out->grants = grant_set_parse(PQgetvalue(r, 0, 5));
		/* Stored scopes passed the CHECK; a parse failure is empty. */
		if (scope_parse(PQgetvalue(r, 0, 6), &out->scopes) == -1)
			memset(&out->scopes, 0, sizeof(out->scopes));
		out->first_party = *PQgetvalue(r, 0, 7) == 't';
		out->revoked = *PQgetvalue(r, 0, 8) == 't';
		if (scope_parse(PQgetvalue(r, 0, 9), &out->owner_scopes) == -1)
			memset(&out->owner_scopes, 0,
			    sizeof(out->owner_scopes));
		out->owner_revoked = *PQgetvalue(r, 0, 10) == 't';
		snprintf(out->version, sizeof(out->version), "%s",
		    PQgetvalue(r, 0, 11));
		snprintf(out->owner_version, sizeof(out->owner_version), "%s",
		    PQgetvalue(r, 0, 12));
		out->resource_server = *PQgetvalue(r, 0, 13) == 't';
	}
	PQclear(r);
	return DB_OK;
}

void
db_client_free(struct client *c)
{
	free(c->name);
	free(c->secret_hex);
	free(c->user_id);
	free(c->redirect_uris);
	scope_free(&c->scopes);
	scope_free(&c->owner_scopes);
	memset(c, 0, sizeof(*c));
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
db_client_copy(struct client *dst, const struct client *src)
{
	*dst = *src;
	dst->name = xstrdup(src->name);
	dst->secret_hex = dup_or_null(src->secret_hex);
	dst->user_id = dup_or_null(src->user_id);
	dst->redirect_uris = xstrdup(src->redirect_uris);
	scope_copy(&dst->scopes, &src->scopes);
	scope_copy(&dst->owner_scopes, &src->owner_scopes);
}

enum db_status
db_client_create(struct db *db, const char *name, const char *user_id,
    const char *secret_hex, const char *grants, const char *redirect_uris,
    const char *scopes, int first_party, int resource_server,
    char id_out[37])
{
	const char	*p[8] = { name, user_id, secret_hex, grants,
			    redirect_uris, scopes, first_party ? "t" : "f",
			    resource_server ? "t" : "f" };
	PGresult	*r;
	enum db_status	 s;

	if ((s = db_exec(db, &stmts[STMT_CREATE], p, &r)) != DB_OK)
		return s;
	strncpy(id_out, PQgetvalue(r, 0, 0), 36);
	id_out[36] = '\0';
	PQclear(r);
	return DB_OK;
}

enum db_status
db_client_revoke(struct db *db, const char *id, int *found)
{
	const char	*p[1] = { id };
	PGresult	*r;
	enum db_status	 s;

	if ((s = db_exec(db, &stmts[STMT_REVOKE], p, &r)) != DB_OK)
		return s;
	*found = strcmp(PQcmdTuples(r), "1") == 0;
	PQclear(r);
	return DB_OK;
}

enum db_status
db_client_set_resource_server(struct db *db, const char *id, int on,
    int *found)
{
	const char	*p[2] = { id, on ? "t" : "f" };
	PGresult	*r;
	enum db_status	 s;

	if ((s = db_exec(db, &stmts[STMT_RESOURCE_SERVER], p, &r)) != DB_OK)
		return s;
	*found = strcmp(PQcmdTuples(r), "1") == 0;
	PQclear(r);
	return DB_OK;
}

enum db_status
db_client_list(struct db *db, struct client_rows *out)
{
	void		*v;
	enum db_status	 s;

	s = db_select_rows(db, &stmts[STMT_LIST], NULL, &list_row, &v,
	    &out->n);
	out->v = v;
	return s;
}

void
db_client_rows_free(struct client_rows *rows)
{
	db_unfill_all(&list_row, rows->v, rows->n);
	rows->v = NULL;
	rows->n = 0;
}

enum db_status
db_client_personal(struct db *db, char id_out[37], int *found)
{
	PGresult	*r;
	enum db_status	 s;

	*found = 0;
	s = db_exec_idempotent(db, &stmts[STMT_PERSONAL], NULL, &r);
	if (s != DB_OK)
		return s;
	if (PQntuples(r) == 1) {
		snprintf(id_out, 37, "%s", PQgetvalue(r, 0, 0));
		*found = 1;
	}
	PQclear(r);
	return DB_OK;
}
