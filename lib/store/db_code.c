/* Authorization codes; see db_code.h. */
#include <stdio.h>

#include "store/db_code.h"
#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_stmts.h"

/*
 * The code, and in the same round trip the session's client (the
 * clients RP-initiated logout signs out of).
 */
static const struct db_stmt code_insert = { "code_insert",
    "WITH sc AS (INSERT INTO oauth_session_clients (sid, client_id) "
    "SELECT $12::uuid, $3::uuid WHERE $12 IS NOT NULL "
    "ON CONFLICT DO NOTHING) "
    "INSERT INTO oauth_auth_codes (id, user_id, client_id, scopes, "
    "redirect_uri, redirect_uri_given, code_challenge, "
    "code_challenge_method, expires_at, nonce, auth_time, sid, amr) "
    "VALUES (decode($1, 'hex'), $2, $3, string_to_array($4, ' '), $5, "
    "$6, $7, $8, to_timestamp($9), $10, to_timestamp($11), $12, $13)",
    13 };
/* RFC 6749 §4.1.3: bound to its client in the statement. */
static const struct db_stmt code_consume = { "code_consume",
    "WITH c AS (UPDATE oauth_auth_codes SET used_at = now() "
    "WHERE id = decode($1, 'hex') AND client_id = $2 "
    "AND used_at IS NULL AND NOT revoked RETURNING *) "
    "SELECT c.user_id, array_to_string(c.scopes, ' '), "
    "c.redirect_uri, c.redirect_uri_given, c.code_challenge, "
    "c.code_challenge_method, c.expires_at <= now(), u.revoked, "
    "array_to_string(u.scopes, ' '), c.nonce, "
    "extract(epoch FROM c.auth_time)::bigint, c.sid, c.amr "
    "FROM c JOIN users u ON u.id = c.user_id", 2 };
static const struct db_stmt code_replay = { "code_replay",
    "WITH code AS (UPDATE oauth_auth_codes SET revoked = true "
    "WHERE id = decode($1, 'hex') AND client_id = $2 "
    "AND used_at IS NOT NULL RETURNING id), "
    "born AS (SELECT id FROM oauth_access_tokens "
    "WHERE auth_code_id IN (SELECT id FROM code)), "
    "fam AS (UPDATE oauth_refresh_tokens SET revoked = true "
    "WHERE family_id IN (SELECT id FROM born) "
    "RETURNING access_token_id), "
    "upd AS (UPDATE oauth_access_tokens SET revoked = true, "
    "updated_at = now() WHERE id IN (SELECT id FROM born) "
    "OR id IN (SELECT access_token_id FROM fam) RETURNING 1) "
    "SELECT count(*) FROM code", 2 };

static const struct db_stmt *const stmts[] = {
	&code_insert, &code_consume, &code_replay,
};

const struct db_stmt_table db_code_stmts = DB_STMTS("db_code.c", stmts);

/* The columns of code_consume, in order. */
static const struct db_col code_cols[] = {
	DB_COL(DB_TEXT, struct code_row, user_id),
	DB_COL(DB_TEXT, struct code_row, scopes),
	DB_COL(DB_TEXT, struct code_row, redirect_uri),
	DB_COL(DB_BOOL, struct code_row, redirect_given),
	DB_COL(DB_TEXT_NULL, struct code_row, challenge),
	DB_COL(DB_TEXT_NULL, struct code_row, method),
	DB_COL(DB_BOOL, struct code_row, expired),
	DB_COL(DB_BOOL, struct code_row, user_revoked),
	DB_COL(DB_TEXT, struct code_row, user_scopes),
	DB_COL(DB_TEXT_NULL, struct code_row, nonce),
	DB_COL(DB_TIME, struct code_row, auth_time),
	DB_COL(DB_TEXT_NULL, struct code_row, sid),
	DB_COL(DB_TEXT_NULL, struct code_row, amr),
};
static const struct db_row code_row = DB_ROW(struct code_row, code_cols);

enum db_status
db_code_insert(struct db *db, const struct code_spec *c)
{
	char		 exp[24], at[24];
	const char	*p[13] = { c->hash, c->user_id, c->client_id, c->scopes,
			    c->redirect_uri, c->redirect_given ? "t" : "f",
			    c->challenge, c->challenge ? c->method : NULL,
			    exp, c->nonce, c->auth_time != 0 ? at : NULL,
			    c->sid, c->amr };

	snprintf(exp, sizeof(exp), "%lld", (long long)c->exp);
	snprintf(at, sizeof(at), "%lld", (long long)c->auth_time);
	return db_run(db, &code_insert, p);
}

enum db_status
db_code_consume(struct arena *a, struct db *db, const char *hash,
    const char *client_id, struct code_row *out, int *found)
{
	const char	*p[2] = { hash, client_id };

	return db_select_one(a, db, DB_WRITE, &code_consume, p, &code_row,
	    out, found);
}

enum db_status
db_code_replay(struct db *db, const char *hash, const char *client_id,
    int *replayed)
{
	const char	*p[2] = { hash, client_id };
	long		 n;
	enum db_status	 s;

	s = db_count(db, DB_WRITE, &code_replay, p, &n);
	*replayed = n != 0;
	return s;
}
