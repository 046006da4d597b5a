/* Access and refresh token rows; see db_token.h. */
#include <stdio.h>
#include <string.h>

#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_stmts.h"
#include "store/db_token.h"

/*
 * Parameters, the same for the three inserts: $1 jti, $2 user, $3 client,
 * $4 name, $5 scopes, $6 iat, $7 exp, $8 authorization code hash, $9
 * refresh hash, $10 refresh scopes, $11 refresh exp, $12 auth_time, $13
 * sid, $14 amr (the refresh token's OpenID context), $15 old refresh hash.
 */
#define ACCESS_COLUMNS \
	"oauth_access_tokens (id, user_id, client_id, name, scopes, " \
	"created_at, updated_at, expires_at, auth_code_id)"
#define ACCESS_VALUES \
	"$1::uuid, $2::bigint, $3::uuid, $4::text, " \
	"string_to_array($5::text, ' '), to_timestamp($6::bigint), " \
	"to_timestamp($6::bigint), to_timestamp($7::bigint), " \
	"decode($8::text, 'hex')"
#define REFRESH_INSERT \
	"INSERT INTO oauth_refresh_tokens (id, access_token_id, family_id, " \
	"scopes, created_at, expires_at, auth_time, sid, amr) "
#define REFRESH_OPENID \
	"to_timestamp($12::bigint), $13::uuid, $14::text"

static const struct db_stmt token_insert_access = { "token_insert_access",
    "INSERT INTO " ACCESS_COLUMNS " VALUES (" ACCESS_VALUES ")", 8 };
/* One round trip per grant: the access row feeds the refresh row. */
static const struct db_stmt token_insert_pair = { "token_insert_pair",
    "WITH a AS (INSERT INTO " ACCESS_COLUMNS " VALUES (" ACCESS_VALUES
    ") RETURNING id) " REFRESH_INSERT
    "SELECT decode($9, 'hex'), a.id, a.id, string_to_array($10, ' '), "
    "to_timestamp($6), to_timestamp($11), " REFRESH_OPENID " FROM a", 14 };
/*
 * The last column: rotated (used_at) less than $2 seconds ago, and
 * nothing in its family revoked since (by reuse, revocation or a
 * password change); $2 = 0: never.  The row lock makes a second
 * presentation wait for the first one's commit and then see it.
 */
static const struct db_stmt token_refresh_lock = { "token_refresh_lock",
    "SELECT r.family_id, a.client_id, a.user_id, "
    "array_to_string(r.scopes, ' '), r.used_at IS NOT NULL, r.revoked, "
    "r.expires_at <= now(), coalesce(u.revoked, false), "
    "array_to_string(u.scopes, ' '), "
    "$2::integer > 0 AND "
    "r.used_at > now() - $2::integer * interval '1 second' AND "
    "NOT EXISTS (SELECT 1 FROM oauth_refresh_tokens f "
    "WHERE f.family_id = r.family_id AND f.revoked), "
    "extract(epoch FROM r.auth_time)::bigint, r.sid, r.amr "
    "FROM oauth_refresh_tokens r "
    "JOIN oauth_access_tokens a ON a.id = r.access_token_id "
    "LEFT JOIN users u ON u.id = a.user_id "
    "WHERE r.id = decode($1, 'hex') FOR UPDATE OF r", 2 };
/* Only a live token rotates, once: the UPDATE is the single winner. */
static const struct db_stmt token_rotate = { "token_rotate",
    "WITH old AS (UPDATE oauth_refresh_tokens SET used_at = now() "
    "WHERE id = decode($15, 'hex') AND used_at IS NULL AND NOT revoked "
    "RETURNING family_id), "
    "a AS (INSERT INTO " ACCESS_COLUMNS " SELECT " ACCESS_VALUES
    " FROM old RETURNING id) " REFRESH_INSERT
    "SELECT decode($9, 'hex'), a.id, old.family_id, "
    "string_to_array($10, ' '), to_timestamp($6), to_timestamp($11), "
    REFRESH_OPENID " FROM a, old", 15 };
static const struct db_stmt token_revoke_family = { "token_revoke_family",
    "WITH f AS (UPDATE oauth_refresh_tokens SET revoked = true "
    "WHERE family_id = $1 RETURNING access_token_id) "
    "UPDATE oauth_access_tokens SET revoked = true, updated_at = now() "
    "WHERE id IN (SELECT access_token_id FROM f) AND NOT revoked", 1 };
static const struct db_stmt token_access_find = { "token_access_find",
    "SELECT a.user_id, u.name, u.email FROM oauth_access_tokens a "
    "JOIN oauth_clients c ON c.id = a.client_id "
    "LEFT JOIN users u ON u.id = a.user_id "
    "WHERE a.id = $1 AND NOT a.revoked AND a.expires_at > now() "
    "AND NOT c.revoked AND NOT coalesce(u.revoked, false)", 1 };
/*
 * token_access_find, and in the same round trip whether the caller
 * ($2) is still the row it was judged on ($3, its xmin) and live:
 * introspection by a client the process holds a copy of.
 */
static const struct db_stmt token_access_find_for = { "token_access_find_for",
    "SELECT k.xmin = $3::xid AND NOT k.revoked, a.id IS NOT NULL, "
    "a.user_id, u.name, u.email FROM oauth_clients k "
    "LEFT JOIN (oauth_access_tokens a "
    "JOIN oauth_clients c ON c.id = a.client_id "
    "LEFT JOIN users u ON u.id = a.user_id) "
    "ON a.id = $1::uuid AND NOT a.revoked AND a.expires_at > now() "
    "AND NOT c.revoked AND NOT coalesce(u.revoked, false) "
    "WHERE k.id = $2::uuid", 3 };
static const struct db_stmt token_revoke_access = { "token_revoke_access",
    "WITH a AS (UPDATE oauth_access_tokens SET revoked = true, "
    "updated_at = now() WHERE id = $1 RETURNING id), "
    "r AS (UPDATE oauth_refresh_tokens SET revoked = true "
    "WHERE access_token_id IN (SELECT id FROM a)) "
    "SELECT count(*) FROM a", 1 };
static const struct db_stmt token_personal_list = { "token_personal_list",
    "SELECT id, name, array_to_string(scopes, ','), "
    "to_char(created_at, 'YYYY-MM-DD HH24:MI'), "
    "to_char(expires_at, 'YYYY-MM-DD HH24:MI'), revoked "
    "FROM oauth_access_tokens WHERE user_id = $1 AND name IS NOT NULL "
    "ORDER BY created_at, id", 1 };
static const struct db_stmt token_refresh_find = { "token_refresh_find",
    "SELECT r.family_id, a.client_id, a.user_id, u.email, "
    "array_to_string(r.scopes, ' '), "
    "extract(epoch FROM r.created_at)::bigint, "
    "extract(epoch FROM r.expires_at)::bigint, "
    "r.used_at IS NULL AND NOT r.revoked AND r.expires_at > now() "
    "AND NOT c.revoked AND NOT coalesce(u.revoked, false) "
    "FROM oauth_refresh_tokens r "
    "JOIN oauth_access_tokens a ON a.id = r.access_token_id "
    "JOIN oauth_clients c ON c.id = a.client_id "
    "LEFT JOIN users u ON u.id = a.user_id "
    "WHERE r.id = decode($1, 'hex')", 1 };
/*
 * The whole client_credentials grant in one round trip: stores the
 * row only while the client and its owner are the rows the grant
 * was judged on ($9, $10: their xmin; xmin, not xmax, so the
 * foreign-key share locks of other inserts do not count).
 */
static const struct db_stmt token_insert_current = { "token_insert_current",
    "INSERT INTO " ACCESS_COLUMNS " SELECT " ACCESS_VALUES " "
    "FROM oauth_clients c LEFT JOIN users u ON u.id = c.user_id "
    "WHERE c.id = $3::uuid AND c.xmin = $9::xid AND NOT c.revoked "
    "AND (c.user_id IS NULL OR (u.xmin = $10::xid AND NOT u.revoked))",
    10 };

static const struct db_stmt *const stmts[] = {
	&token_insert_access, &token_insert_pair, &token_refresh_lock,
	&token_rotate, &token_revoke_family, &token_access_find,
	&token_access_find_for, &token_revoke_access, &token_personal_list,
	&token_refresh_find, &token_insert_current,
};

const struct db_stmt_table db_token_stmts = DB_STMTS("db_token.c", stmts);

/* The columns of token_refresh_lock, in order. */
static const struct db_col refresh_cols[] = {
	DB_COL(DB_TEXT, struct refresh_row, family_id),
	DB_COL(DB_TEXT, struct refresh_row, client_id),
	DB_COL(DB_TEXT_NULL, struct refresh_row, user_id),
	DB_COL(DB_TEXT, struct refresh_row, scopes),
	DB_COL(DB_BOOL, struct refresh_row, used),
	DB_COL(DB_BOOL, struct refresh_row, revoked),
	DB_COL(DB_BOOL, struct refresh_row, expired),
	DB_COL(DB_BOOL, struct refresh_row, user_revoked),
	DB_COL(DB_TEXT_NULL, struct refresh_row, user_scopes),
	DB_COL(DB_BOOL, struct refresh_row, just_rotated),
	DB_COL(DB_TIME, struct refresh_row, auth_time),
	DB_COL(DB_TEXT_NULL, struct refresh_row, sid),
	DB_COL(DB_TEXT_NULL, struct refresh_row, amr),
};
static const struct db_row refresh_row = DB_ROW(struct refresh_row,
    refresh_cols);

/* token_access_find's columns; token_access_find_for's from its third. */
static const struct db_col access_cols[] = {
	DB_COL(DB_TEXT_NULL, struct access_row, user_id),
	DB_COL(DB_TEXT_NULL, struct access_row, user_name),
	DB_COL(DB_TEXT_NULL, struct access_row, user_email),
};
static const struct db_row access_row = DB_ROW(struct access_row,
    access_cols);

/* The columns of token_refresh_find, in order. */
static const struct db_col info_cols[] = {
	DB_COL(DB_TEXT, struct refresh_info, family_id),
	DB_COL(DB_TEXT, struct refresh_info, client_id),
	DB_COL(DB_TEXT_NULL, struct refresh_info, user_id),
	DB_COL(DB_TEXT_NULL, struct refresh_info, user_email),
	DB_COL(DB_TEXT, struct refresh_info, scopes),
	DB_COL(DB_LLONG, struct refresh_info, iat),
	DB_COL(DB_LLONG, struct refresh_info, exp),
	DB_COL(DB_BOOL, struct refresh_info, active),
};
static const struct db_row info_row = DB_ROW(struct refresh_info,
    info_cols);

static const struct db_col personal_cols[] = {
	DB_COL(DB_TEXT, struct personal_token_row, jti),
	DB_COL(DB_TEXT, struct personal_token_row, name),
	DB_COL(DB_TEXT, struct personal_token_row, scopes),
	DB_COL(DB_TEXT, struct personal_token_row, created),
	DB_COL(DB_TEXT, struct personal_token_row, expires),
	DB_COL(DB_BOOL, struct personal_token_row, revoked),
};
static const struct db_row personal_row = DB_ROW(struct personal_token_row,
    personal_cols);

static enum db_status
write_row(struct db *db, const struct db_stmt *st, const struct token_row *t,
    const char *old_hash, int *one)
{
	char		 iat[24], exp[24], rexp[24], at[24];
	const char	*p[15] = { t->jti, t->user_id, t->client_id, t->name,
			    t->scopes, iat, exp, t->auth_code_hash,
			    t->refresh_hash,
			    t->refresh_scopes ? t->refresh_scopes : t->scopes,
			    rexp, t->auth_time != 0 ? at : NULL, t->sid,
			    t->amr, old_hash };

	snprintf(at, sizeof(at), "%lld", (long long)t->auth_time);
	snprintf(iat, sizeof(iat), "%lld", (long long)t->iat);
	snprintf(exp, sizeof(exp), "%lld", (long long)t->exp);
	snprintf(rexp, sizeof(rexp), "%lld", (long long)t->refresh_exp);
	return one != NULL ? db_run_one(db, st, p, one) : db_run(db, st, p);
}

enum db_status
db_token_insert(struct db *db, const struct token_row *t)
{
	return write_row(db, t->refresh_hash != NULL ? &token_insert_pair :
	    &token_insert_access, t, NULL, NULL);
}

enum db_status
db_token_insert_current(struct db *db, const struct token_row *t,
    const char *version, const char *owner_version, int *inserted)
{
	char		 iat[24], exp[24];
	const char	*p[10] = { t->jti, t->user_id, t->client_id, t->name,
			    t->scopes, iat, exp, t->auth_code_hash, version,
			    *owner_version != '\0' ? owner_version : NULL };

	snprintf(iat, sizeof(iat), "%lld", (long long)t->iat);
	snprintf(exp, sizeof(exp), "%lld", (long long)t->exp);
	return db_run_one(db, &token_insert_current, p, inserted);
}

enum db_status
db_token_rotate(struct db *db, const char *old_hash,
    const struct token_row *t, int *rotated)
{
	return write_row(db, &token_rotate, t, old_hash, rotated);
}

enum db_status
db_token_refresh_lock(struct arena *a, struct db *db, const char *hash_hex,
    long grace, struct refresh_row *out, int *found)
{
	char		 g[24];
	const char	*p[2] = { hash_hex, g };

	snprintf(g, sizeof(g), "%ld", grace);
	return db_select_one(a, db, DB_WRITE, &token_refresh_lock, p,
	    &refresh_row, out, found);
}

enum db_status
db_token_revoke_family(struct db *db, const char *family_id)
{
	const char	*p[1] = { family_id };
	return db_run(db, &token_revoke_family, p);
}

enum db_status
db_token_access_find(struct arena *a, struct db *db, const char *jti,
    struct access_row *out, int *active)
{
	const char	*p[1] = { jti };

	return db_select_one(a, db, DB_READ, &token_access_find, p,
	    &access_row, out, active);
}

enum db_status
db_token_access_find_for(struct arena *a, struct db *db, const char *jti,
    const char *client_id, const char *version, struct access_row *out,
    int *active, int *current)
{
	const char	*p[3] = { jti, client_id, version };
	PGresult	*r;
	enum db_status	 s;

	memset(out, 0, sizeof(*out));
	*active = *current = 0;
	s = db_exec_idempotent(db, &token_access_find_for, p, &r);
	if (s != DB_OK)
		return s;
	if (PQntuples(r) == 1 && *PQgetvalue(r, 0, 0) == 't') {
		*current = 1;
		*active = *PQgetvalue(r, 0, 1) == 't';
	}
	if (*active)
		db_fill(a, &access_row, r, 0, 2, out);
	PQclear(r);
	return DB_OK;
}

enum db_status
db_token_revoke_access(struct db *db, const char *jti, int *found)
{
	const char	*p[1] = { jti };
	long		 n;
	enum db_status	 s;

	s = db_count(db, DB_WRITE, &token_revoke_access, p, &n);
	if (found != NULL)
		*found = n != 0;
	return s;
}

enum db_status
db_token_personal_list(struct arena *a, struct db *db, const char *user_id,
    struct personal_token_rows *out)
{
	const char	*p[1] = { user_id };
	void		*v;
	enum db_status	 s;

	s = db_select_rows(a, db, &token_personal_list, p, &personal_row,
	    &v, &out->n);
	out->v = v;
	return s;
}

enum db_status
db_token_refresh_find(struct arena *a, struct db *db, const char *hash_hex,
    struct refresh_info *out, int *found)
{
	const char	*p[1] = { hash_hex };

	return db_select_one(a, db, DB_READ, &token_refresh_find, p,
	    &info_row, out, found);
}

