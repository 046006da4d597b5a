/* Ending a user's sessions and tokens; see db_user_revoke.h. */
#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_stmts.h"
#include "store/db_user_revoke.h"

/* $2: personal access tokens and remembered consents too. */
#define ENDED_TOKENS \
	"user_id = $1 AND ($2::boolean OR name IS NULL)"

static const struct db_stmt user_revoke = { "user_revoke",
    "WITH s AS (DELETE FROM oauth_sessions WHERE user_id = $1 "
    "RETURNING 1), "
    "c AS (UPDATE oauth_auth_codes SET revoked = true "
    "WHERE user_id = $1 AND used_at IS NULL AND NOT revoked "
    "RETURNING 1), "
    "a AS (UPDATE oauth_access_tokens SET revoked = true, "
    "updated_at = now() WHERE " ENDED_TOKENS " AND NOT revoked "
    "RETURNING 1), "
    "r AS (UPDATE oauth_refresh_tokens SET revoked = true "
    "WHERE NOT revoked AND access_token_id IN (SELECT id FROM "
    "oauth_access_tokens WHERE " ENDED_TOKENS ") RETURNING 1), "
    "k AS (UPDATE oauth_consents SET revoked = true, updated_at = now() "
    "WHERE user_id = $1 AND $2::boolean AND NOT revoked RETURNING 1) "
    "SELECT (SELECT count(*) FROM s), (SELECT count(*) FROM c), "
    "(SELECT count(*) FROM a), (SELECT count(*) FROM r), "
    "(SELECT count(*) FROM k)", 2 };

static const struct db_stmt *const stmts[] = {
	&user_revoke,
};

const struct db_stmt_table db_user_revoke_stmts =
    DB_STMTS("db_user_revoke.c", stmts);

static const struct db_col counts_cols[] = {
	DB_COL(DB_LONG, struct user_revoke_counts, sessions),
	DB_COL(DB_LONG, struct user_revoke_counts, codes),
	DB_COL(DB_LONG, struct user_revoke_counts, access),
	DB_COL(DB_LONG, struct user_revoke_counts, refresh),
	DB_COL(DB_LONG, struct user_revoke_counts, consents),
};
static const struct db_row counts_row = DB_ROW(struct user_revoke_counts,
    counts_cols);

enum db_status
db_user_revoke(struct db *db, const char *user_id, int personal,
    struct user_revoke_counts *c)
{
	const char			*p[2] = { user_id,
					    personal ? "true" : "false" };
	struct user_revoke_counts	 unused;

	return db_select_one(NULL, db, DB_WRITE, &user_revoke, p,
	    &counts_row, c != NULL ? c : &unused, NULL);
}
