/* Login attempt counters; see db_throttle.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_stmts.h"
#include "store/db_throttle.h"

/*
 * Count first, in one statement: concurrent attempts on a key
 * queue on its row, so each sees the count its own included.
 * Rows are taken in one order (account, then address): no
 * deadlock between two attempts.
 */
static const struct db_stmt throttle_take = { "throttle_take",
    "INSERT INTO oauth_login_failures AS f "
    "(kind, key, attempts, window_start, window_end) "
    "SELECT k.kind, k.key, 1, now(), "
    "now() + make_interval(secs => $3::bigint) "
    "FROM (VALUES (1, 'account', lower($1::text)), "
    "(2, 'address', $2::text)) AS k (n, kind, key) "
    "WHERE k.key IS NOT NULL ORDER BY k.n "
    "ON CONFLICT (kind, key) DO UPDATE SET "
    "attempts = CASE WHEN f.window_end <= now() THEN 1 "
    "ELSE f.attempts + 1 END, "
    "window_start = CASE WHEN f.window_end <= now() THEN now() "
    "ELSE f.window_start END, "
    "window_end = CASE WHEN f.window_end <= now() "
    "THEN excluded.window_end ELSE f.window_end END "
    "RETURNING f.kind = 'account', f.attempts, "
    "greatest(ceil(extract(epoch FROM f.window_end - now())), 1)"
    "::bigint, f.window_end::text", 3 };
/*
 * Only into the window the slot came from: a slot given back
 * after its window ended must not free one in the next.
 */
static const struct db_stmt throttle_give_back = { "throttle_give_back",
    "UPDATE oauth_login_failures SET attempts = attempts - 1 "
    "WHERE attempts > 0 AND ((kind = 'account' AND "
    "key = lower($1::text) AND window_end = $2::timestamptz) OR "
    "(kind = 'address' AND key = $3::text AND "
    "window_end = $4::timestamptz))", 4 };

static const struct db_stmt *const stmts[] = {
	&throttle_take, &throttle_give_back,
};

const struct db_stmt_table db_throttle_stmts = DB_STMTS("db_throttle.c", stmts);

/* The columns of throttle_take, in order: one row per key. */
static const struct db_col count_cols[] = {
	DB_COL(DB_BOOL, struct throttle_count, is_account),
	DB_COL(DB_LONG, struct throttle_count, attempts),
	DB_COL(DB_LONG, struct throttle_count, left),
	DB_COL(DB_CHARS, struct throttle_count, window),
};
static const struct db_row count_row = DB_ROW(struct throttle_count,
    count_cols);

enum db_status
db_throttle_take(struct db *db, const char *account, const char *address,
    long window, struct throttle_count out[2], int *n)
{
	char		 w[24];
	const char	*p[3] = { account, address, w };
	PGresult	*r;
	enum db_status	 s;
	int		 i;

	*n = 0;
	memset(out, 0, 2 * sizeof(*out));
	snprintf(w, sizeof(w), "%ld", window);
	if ((s = db_exec(db, &throttle_take, p, &r)) != DB_OK)
		return s;
	for (i = 0; i < PQntuples(r) && i < 2; i++)
		/* Numbers only: nothing for an arena. */
		db_fill(NULL, &count_row, r, i, 0, &out[i]);
	*n = i;
	PQclear(r);
	return DB_OK;
}

enum db_status
db_throttle_give_back(struct db *db, const char *account,
    const char *account_window, const char *address,
    const char *address_window)
{
	const char	*p[4] = { account, account_window, address,
			    address_window };

	return db_run(db, &throttle_give_back, p);
}
