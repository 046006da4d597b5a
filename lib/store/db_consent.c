/* Remembered consents; see db_consent.h. */
#include <stddef.h>

#include "parse/scope.h"
#include "store/db_consent.h"
#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_stmts.h"

#define STR(x)	#x
#define XSTR(x)	STR(x)

static const struct db_stmt consent_find = { "consent_find",
    "SELECT array_to_string(scopes, ' ') FROM oauth_consents "
    "WHERE user_id = $1 AND client_id = $2 AND NOT revoked", 2 };
/* One statement: the union, sorted, unless revoked or over the bound. */
static const struct db_stmt consent_grant = { "consent_grant",
    "INSERT INTO oauth_consents (user_id, client_id, scopes) "
    "VALUES ($1, $2, string_to_array($3, ' ')) "
    "ON CONFLICT (user_id, client_id) DO UPDATE SET "
    "scopes = CASE WHEN oauth_consents.revoked THEN EXCLUDED.scopes "
    "ELSE (SELECT CASE WHEN count(*) > " XSTR(SCOPE_MAX_ITEMS) " "
    "THEN EXCLUDED.scopes ELSE coalesce(array_agg(x ORDER BY x), '{}') "
    "END FROM (SELECT unnest(oauth_consents.scopes) UNION "
    "SELECT unnest(EXCLUDED.scopes)) AS u (x)) END, "
    "revoked = false, updated_at = now()", 3 };
static const struct db_stmt consent_revoke = { "consent_revoke",
    "UPDATE oauth_consents SET revoked = true, updated_at = now() "
    "WHERE user_id = $1 AND ($2::uuid IS NULL OR client_id = $2::uuid) "
    "AND NOT revoked", 2 };

static const struct db_stmt *const stmts[] = {
	&consent_find, &consent_grant, &consent_revoke,
};

const struct db_stmt_table db_consent_stmts = DB_STMTS("db_consent.c", stmts);

struct consent_row {
	char	*scopes;
};
static const struct db_col consent_cols[] = {
	DB_COL(DB_TEXT, struct consent_row, scopes),
};
static const struct db_row consent_row = DB_ROW(struct consent_row,
    consent_cols);

enum db_status
db_consent_find(struct arena *a, struct db *db, const char *user_id,
    const char *client_id, char **scopes, int *found)
{
	const char		*p[2] = { user_id, client_id };
	struct consent_row	 row;
	enum db_status		 s;

	s = db_select_one(a, db, DB_READ, &consent_find, p, &consent_row,
	    &row, found);
	*scopes = s == DB_OK && *found ? row.scopes : NULL;
	return s;
}

enum db_status
db_consent_grant(struct db *db, const char *user_id, const char *client_id,
    const char *scopes)
{
	const char	*p[3] = { user_id, client_id, scopes };

	return db_run(db, &consent_grant, p);
}

enum db_status
db_consent_revoke(struct db *db, const char *user_id, const char *client_id,
    long *n)
{
	const char	*p[2] = { user_id, client_id };

	return db_run_count(db, &consent_revoke, p, n);
}
