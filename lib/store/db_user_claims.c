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

/*
 * The writes also mark the user's row changed: its updated_at is the
 * Core §5.1 updated_at.  No row back: no such user (set) or claim (unset).
 */
static const struct db_stmt user_claim_set = { "user_claim_set",
    "WITH c AS (INSERT INTO cpassport_user_claims (user_id, name, value) "
    "SELECT id, $2, $3::jsonb FROM users WHERE id = $1 "
    "ON CONFLICT (user_id, name) DO UPDATE SET value = EXCLUDED.value, "
    "updated_at = now() RETURNING user_id) "
    "UPDATE users SET updated_at = now() WHERE id IN (SELECT user_id "
    "FROM c)", 3 };
static const struct db_stmt user_claim_unset = { "user_claim_unset",
    "WITH c AS (DELETE FROM cpassport_user_claims "
    "WHERE user_id = $1 AND name = $2 RETURNING user_id) "
    "UPDATE users SET updated_at = now() WHERE id IN (SELECT user_id "
    "FROM c)", 2 };
static const struct db_stmt user_claim_list = { "user_claim_list",
    "SELECT name, value::text FROM cpassport_user_claims "
    "WHERE user_id = $1 ORDER BY name", 1 };
static const struct db_stmt user_email_verified = { "user_email_verified",
    "UPDATE users SET email_verified = $2::boolean, updated_at = now() "
    "WHERE id = $1", 2 };

static const struct db_stmt *const stmts[] = {
	&user_claims_read, &user_claim_set, &user_claim_unset,
	&user_claim_list, &user_email_verified,
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

static const struct db_col claim_cols[] = {
	DB_COL(DB_TEXT, struct user_claim_row, name),
	DB_COL(DB_TEXT, struct user_claim_row, value),
};
static const struct db_row claim_row = DB_ROW(struct user_claim_row,
    claim_cols);

enum db_status
db_user_claims_read(struct arena *a, struct db *db, const char *id,
    const char *names, struct user_claims *out, int *found)
{
	const char	*p[2] = { id, names };

	return db_select_one(a, db, DB_READ, &user_claims_read, p,
	    &claims_row, out, found);
}

enum db_status
db_user_claim_set(struct db *db, const char *id, const char *name,
    const char *json, int *found)
{
	const char	*p[3] = { id, name, json };

	return db_run_one(db, &user_claim_set, p, found);
}

enum db_status
db_user_claim_unset(struct db *db, const char *id, const char *name,
    int *found)
{
	const char	*p[2] = { id, name };

	return db_run_one(db, &user_claim_unset, p, found);
}

enum db_status
db_user_claim_list(struct arena *a, struct db *db, const char *id,
    struct user_claim_rows *out)
{
	const char	*p[1] = { id };
	void		*v;
	enum db_status	 s;

	s = db_select_rows(a, db, &user_claim_list, p, &claim_row, &v,
	    &out->n);
	out->v = v;
	return s;
}

enum db_status
db_user_email_verified(struct db *db, const char *id, int verified,
    int *found)
{
	const char	*p[2] = { id, verified ? "true" : "false" };

	return db_run_one(db, &user_email_verified, p, found);
}
