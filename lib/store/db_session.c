/* Login sessions; see db_session.h. */
#include <stdio.h>

#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_session.h"
#include "store/db_stmts.h"

static const struct db_stmt session_create = { "session_create",
    "INSERT INTO oauth_sessions (id, user_id, csrf_token, expires_at, "
    "auth_time, amr) VALUES (decode($1, 'hex'), $2, decode($3, 'hex'), "
    "to_timestamp($4), to_timestamp($5), $6)", 6 };
static const struct db_stmt session_find = { "session_find",
    "SELECT s.user_id, encode(s.csrf_token, 'hex'), u.name, u.email, "
    "array_to_string(u.scopes, ' '), s.sid, "
    "extract(epoch FROM s.auth_time)::bigint, s.amr "
    "FROM oauth_sessions s "
    "JOIN users u ON u.id = s.user_id "
    "WHERE s.id = decode($1, 'hex') AND s.expires_at > now() "
    "AND NOT u.revoked", 1 };
static const struct db_stmt session_delete = { "session_delete",
    "DELETE FROM oauth_sessions WHERE id = decode($1, 'hex')", 1 };

static const struct db_stmt *const stmts[] = {
	&session_create, &session_find, &session_delete,
};

const struct db_stmt_table db_session_stmts = DB_STMTS("db_session.c", stmts);

/* The columns of session_find, in order. */
static const struct db_col session_cols[] = {
	DB_COL(DB_TEXT, struct session_row, user_id),
	DB_COL(DB_SECRET, struct session_row, csrf_hex),
	DB_COL(DB_TEXT, struct session_row, user_name),
	DB_COL(DB_TEXT, struct session_row, user_email),
	DB_COL(DB_TEXT, struct session_row, user_scopes),
	DB_COL(DB_CHARS, struct session_row, sid),
	DB_COL(DB_TIME, struct session_row, auth_time),
	DB_COL(DB_CHARS, struct session_row, amr),
};
static const struct db_row session_row = DB_ROW(struct session_row,
    session_cols);

enum db_status
db_session_create(struct db *db, const char *hash_hex, const char *user_id,
    const char *csrf_hex, time_t auth_time, const char *amr, time_t exp)
{
	char		 e[24], t[24];
	const char	*p[6] = { hash_hex, user_id, csrf_hex, e, t, amr };

	snprintf(e, sizeof(e), "%lld", (long long)exp);
	snprintf(t, sizeof(t), "%lld", (long long)auth_time);
	return db_run(db, &session_create, p);
}

enum db_status
db_session_find(struct arena *a, struct db *db, const char *hash_hex,
    struct session_row *out, int *found)
{
	const char	*p[1] = { hash_hex };

	return db_select_one(a, db, DB_READ, &session_find, p, &session_row,
	    out, found);
}

enum db_status
db_session_delete(struct db *db, const char *hash_hex)
{
	const char	*p[1] = { hash_hex };

	return db_run(db, &session_delete, p);
}
