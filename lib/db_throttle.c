/* Login failure counters; see db_throttle.h. */
#include <stdio.h>
#include <stdlib.h>

#include "db_throttle.h"

enum stmt {
	STMT_WAIT,
	STMT_FAIL,
	STMT_RESET,
	STMT__MAX
};

static const struct db_stmt stmts[STMT__MAX] = {
	[STMT_WAIT] = { "throttle_wait",
	    "SELECT coalesce(ceil(extract(epoch FROM max(blocked_until) - "
	    "now())), 0)::bigint FROM oauth_login_failures "
	    "WHERE ((kind = 'account' AND key = lower($1)) OR "
	    "(kind = 'address' AND key = $2)) AND blocked_until > now()", 2 },
	/* A window restarts when the last one is over; the count that
	 * reaches the limit sets the block. */
	[STMT_FAIL] = { "throttle_fail",
	    "INSERT INTO oauth_login_failures AS f (kind, key, failures) "
	    "VALUES ($1, lower($2), 1) ON CONFLICT (kind, key) DO UPDATE SET "
	    "failures = CASE WHEN f.window_start < now() - "
	    "make_interval(secs => $4::bigint) THEN 1 ELSE f.failures + 1 END, "
	    "window_start = CASE WHEN f.window_start < now() - "
	    "make_interval(secs => $4::bigint) THEN now() "
	    "ELSE f.window_start END, "
	    "blocked_until = CASE WHEN f.window_start >= now() - "
	    "make_interval(secs => $4::bigint) AND f.failures + 1 >= $3::int "
	    "THEN now() + make_interval(secs => $5::bigint) "
	    "ELSE f.blocked_until END", 5 },
	[STMT_RESET] = { "throttle_reset",
	    "DELETE FROM oauth_login_failures "
	    "WHERE kind = 'account' AND key = lower($1)", 1 },
};

enum db_status
db_throttle_wait(struct db *db, const char *account, const char *address,
    long *wait)
{
	const char	*p[2] = { account ? account : "", address ? address : "" };
	PGresult	*r;
	enum db_status	 s;

	*wait = 0;
	if ((s = db_exec(db, &stmts[STMT_WAIT], p, &r)) != DB_OK)
		return s;
	*wait = atol(PQgetvalue(r, 0, 0));
	PQclear(r);
	return DB_OK;
}

enum db_status
db_throttle_fail(struct db *db, const char *kind, const char *key, int limit,
    long window, long block)
{
	char		 l[16], w[24], b[24];
	const char	*p[5] = { kind, key, l, w, b };

	snprintf(l, sizeof(l), "%d", limit);
	snprintf(w, sizeof(w), "%ld", window);
	snprintf(b, sizeof(b), "%ld", block);
	return db_run(db, &stmts[STMT_FAIL], p);
}

enum db_status
db_throttle_reset(struct db *db, const char *account)
{
	const char	*p[1] = { account };
	return db_run(db, &stmts[STMT_RESET], p);
}
