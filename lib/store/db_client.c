/* The oauth_clients table; see db_client.h. */

#include "store/db_client.h"
#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_stmts.h"

static const struct db_stmt client_find = { "client_find",
    "SELECT c.id, c.name, encode(c.secret, 'hex'), c.user_id, "
    "array_to_string(c.redirect_uris, ' '), "
    "array_to_string(c.grant_types, ' '), "
    "array_to_string(c.scopes, ' '), c.first_party, c.revoked, "
    "array_to_string(u.scopes, ' '), coalesce(u.revoked, false), "
    "c.xmin, coalesce(u.xmin::text, ''), c.resource_server, "
    "c.id_token_signed_response_alg, c.require_nonce, "
    "array_to_string(c.post_logout_redirect_uris, ' '), "
    "c.remember_consent "
    "FROM oauth_clients c LEFT JOIN users u ON u.id = c.user_id "
    "WHERE c.id = $1", 1 };
static const struct db_stmt client_create = { "client_create",
    "INSERT INTO oauth_clients (name, user_id, secret, confidential, "
    "grant_types, redirect_uris, scopes, first_party, "
    "resource_server, id_token_signed_response_alg, require_nonce, "
    "post_logout_redirect_uris, remember_consent) "
    "VALUES ($1, $2, decode($3, 'hex'), $3 IS NOT NULL, "
    "string_to_array($4, ' '), string_to_array($5, ' '), "
    "string_to_array($6, ' '), $7, $8, $9, $10, "
    "coalesce(string_to_array($11, ' '), '{}'), $12) RETURNING id", 12 };
static const struct db_stmt client_revoke = { "client_revoke",
    "UPDATE oauth_clients SET revoked = true, updated_at = now() "
    "WHERE id = $1", 1 };
static const struct db_stmt client_list = { "client_list",
    "SELECT id, name, array_to_string(grant_types, ','), "
    "coalesce(user_id::text, '-'), revoked, resource_server "
    "FROM oauth_clients ORDER BY created_at, id", 0 };
static const struct db_stmt client_personal = { "client_personal",
    "SELECT id FROM oauth_clients WHERE NOT revoked AND "
    "'personal_access' = ANY (grant_types) "
    "ORDER BY created_at DESC LIMIT 1", 0 };
static const struct db_stmt client_show = { "client_show",
    "SELECT id, name, coalesce(user_id::text, ''), confidential, "
    "array_to_string(grant_types, ' '), "
    "array_to_string(redirect_uris, ' '), "
    "array_to_string(post_logout_redirect_uris, ' '), "
    "array_to_string(scopes, ' '), first_party, resource_server, "
    "id_token_signed_response_alg, require_nonce, remember_consent, "
    "revoked, to_char(created_at AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD HH24:MI:SS \"UTC\"'), to_char(updated_at AT TIME ZONE "
    "'UTC', 'YYYY-MM-DD HH24:MI:SS \"UTC\"') "
    "FROM oauth_clients WHERE id = $1", 1 };
/* Any UPDATE changes xmin: every process's cached copy is stale. */
static const struct db_stmt client_resource_server = { "client_resource_server",
    "UPDATE oauth_clients SET resource_server = $2, "
    "updated_at = now() WHERE id = $1", 2 };
/* RP-Initiated Logout 1.0 §3: the URIs a logout may return to. */
static const struct db_stmt client_post_logout = { "client_post_logout",
    "UPDATE oauth_clients SET post_logout_redirect_uris = "
    "string_to_array($2, ' '), updated_at = now() WHERE id = $1", 2 };

static const struct db_stmt *const stmts[] = {
	&client_find, &client_create, &client_revoke, &client_list,
	&client_personal, &client_resource_server, &client_post_logout,
	&client_show,
};

const struct db_stmt_table db_client_stmts = DB_STMTS("db_client.c", stmts);

/* The columns of client_find, in order. */
static const struct db_col client_cols[] = {
	DB_COL(DB_CHARS, struct client, id),
	DB_COL(DB_TEXT, struct client, name),
	DB_COL(DB_TEXT_NULL, struct client, secret_hex),
	DB_COL(DB_TEXT_NULL, struct client, user_id),
	DB_COL(DB_TEXT, struct client, redirect_uris),
	DB_COL(DB_GRANTS, struct client, grants),
	DB_COL(DB_SCOPES, struct client, scopes),
	DB_COL(DB_BOOL, struct client, first_party),
	DB_COL(DB_BOOL, struct client, revoked),
	DB_COL(DB_SCOPES, struct client, owner_scopes),
	DB_COL(DB_BOOL, struct client, owner_revoked),
	DB_COL(DB_CHARS, struct client, version),
	DB_COL(DB_CHARS, struct client, owner_version),
	DB_COL(DB_BOOL, struct client, resource_server),
	DB_COL(DB_CHARS, struct client, id_token_alg),
	DB_COL(DB_BOOL, struct client, require_nonce),
	DB_COL(DB_TEXT, struct client, post_logout_redirect_uris),
	DB_COL(DB_BOOL, struct client, remember_consent),
};
static const struct db_row client_row = DB_ROW(struct client, client_cols);

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

/* The columns of client_show, in order. */
static const struct db_col show_cols[] = {
	DB_COL(DB_TEXT, struct client_show_row, id),
	DB_COL(DB_TEXT, struct client_show_row, name),
	DB_COL(DB_TEXT, struct client_show_row, owner),
	DB_COL(DB_BOOL, struct client_show_row, confidential),
	DB_COL(DB_TEXT, struct client_show_row, grants),
	DB_COL(DB_TEXT, struct client_show_row, redirect_uris),
	DB_COL(DB_TEXT, struct client_show_row, post_logout_redirect_uris),
	DB_COL(DB_TEXT, struct client_show_row, scopes),
	DB_COL(DB_BOOL, struct client_show_row, first_party),
	DB_COL(DB_BOOL, struct client_show_row, resource_server),
	DB_COL(DB_TEXT, struct client_show_row, id_token_alg),
	DB_COL(DB_BOOL, struct client_show_row, require_nonce),
	DB_COL(DB_BOOL, struct client_show_row, remember_consent),
	DB_COL(DB_BOOL, struct client_show_row, revoked),
	DB_COL(DB_TEXT, struct client_show_row, created),
	DB_COL(DB_TEXT, struct client_show_row, updated),
};
static const struct db_row show_row = DB_ROW(struct client_show_row,
    show_cols);

enum db_status
db_client_find(struct arena *a, struct db *db, const char *id,
    struct client *out, int *found)
{
	const char	*p[1] = { id };

	return db_select_one(a, db, DB_READ, &client_find, p, &client_row,
	    out, found);
}

void
db_client_free(struct client *c)
{
	db_unfill(&client_row, c);
}

void
db_client_copy(struct arena *a, struct client *dst, const struct client *src)
{
	db_copy(a, &client_row, dst, src);
}

enum db_status
db_client_create(struct db *db, const struct client_new *c,
    char id_out[37])
{
	const char	*p[12] = { c->name, c->user_id, c->secret_hex,
			    c->grants, c->redirect_uris, c->scopes,
			    c->first_party ? "t" : "f",
			    c->resource_server ? "t" : "f", c->id_token_alg,
			    c->require_nonce ? "t" : "f",
			    c->post_logout_redirect_uris,
			    c->remember_consent ? "t" : "f" };

	return db_value(db, DB_WRITE, &client_create, p, id_out, 37,
	    NULL);
}

enum db_status
db_client_revoke(struct db *db, const char *id, int *found)
{
	const char	*p[1] = { id };

	return db_run_one(db, &client_revoke, p, found);
}

enum db_status
db_client_set_resource_server(struct db *db, const char *id, int on,
    int *found)
{
	const char	*p[2] = { id, on ? "t" : "f" };

	return db_run_one(db, &client_resource_server, p, found);
}

enum db_status
db_client_set_post_logout(struct db *db, const char *id, const char *uris,
    int *found)
{
	const char	*p[2] = { id, uris };

	return db_run_one(db, &client_post_logout, p, found);
}

enum db_status
db_client_list(struct arena *a, struct db *db, struct client_rows *out)
{
	void		*v;
	enum db_status	 s;

	s = db_select_rows(a, db, &client_list, NULL, &list_row, &v,
	    &out->n);
	out->v = v;
	return s;
}

enum db_status
db_client_personal(struct db *db, char id_out[37], int *found)
{
	return db_value(db, DB_READ, &client_personal, NULL, id_out, 37,
	    found);
}

enum db_status
db_client_show(struct arena *a, struct db *db, const char *id,
    struct client_show_row *out, int *found)
{
	const char	*p[1] = { id };

	return db_select_one(a, db, DB_READ, &client_show, p, &show_row, out,
	    found);
}
