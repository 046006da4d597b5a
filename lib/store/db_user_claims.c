/* The claims of users; see db_user_claims.h. */

#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_stmts.h"
#include "store/db_user_claims.h"

static const struct db_stmt user_claims_read = { "user_claims_read",
    "SELECT u.name, u.email, u.email_verified, "
    "extract(epoch FROM greatest(u.updated_at, (SELECT max(updated_at) "
    "FROM cpassport_user_claims WHERE user_id = u.id)))::bigint, "
    "coalesce((SELECT jsonb_object_agg(name, value) "
    "FROM cpassport_user_claims WHERE user_id = u.id "
    "AND name = ANY (string_to_array($2, ' '))), '{}')::text "
    "FROM users u WHERE u.id = $1", 2 };

static const struct db_stmt *const stmts[] = {
	&user_claims_read,
};

const struct db_stmt_table db_user_claims_stmts =
    DB_STMTS("db_user_claims.c", stmts);

static const struct db_col claims_cols[] = {
	DB_COL(DB_TEXT, struct user_claims, name),
	DB_COL(DB_TEXT, struct user_claims, email),
	DB_COL(DB_BOOL, struct user_claims, email_verified),
	DB_COL(DB_LLONG, struct user_claims, updated_at),
	DB_COL(DB_TEXT, struct user_claims, custom),
};
static const struct db_row claims_row = DB_ROW(struct user_claims,
    claims_cols);

enum db_status
db_user_claims_read(struct arena *a, struct db *db, const char *id,
    const char *names, struct user_claims *out, int *found)
{
	const char	*p[2] = { id, names };

	return db_select_one(a, db, DB_READ, &user_claims_read, p,
	    &claims_row, out, found);
}
