/* Purging dead rows in batches; see db_purge.h. */
#include <stddef.h>
#include <string.h>

#include "store/db_pq.h"
#include "store/db_purge.h"
#include "store/db_row.h"
#include "store/db_stmts.h"

#define STR(x)	#x
#define XSTR(x)	STR(x)
#define BATCH	XSTR(PURGE_BATCH)
#define NO_LIVE_REFRESH \
	"NOT EXISTS (SELECT 1 FROM oauth_refresh_tokens r " \
	"WHERE r.access_token_id = a.id AND NOT r.revoked " \
	"AND r.expires_at > now())"

enum stmt {
	STMT_REFRESH_EXPIRED,
	STMT_REFRESH_REVOKED,
	STMT_ACCESS_EXPIRED,
	STMT_ACCESS_REVOKED,
	STMT_CODES_EXPIRED,
	STMT_CODES_REVOKED,
	STMT_SESSIONS_EXPIRED,
	STMT_LOGIN_WINDOWS_ENDED,
	STMT__MAX
};

static const struct db_stmt stmts[STMT__MAX] = {
	[STMT_REFRESH_EXPIRED] = { "purge_refresh_expired",
	    "DELETE FROM oauth_refresh_tokens WHERE id IN (SELECT id FROM "
	    "oauth_refresh_tokens WHERE expires_at <= now() LIMIT " BATCH ")",
	    0 },
	[STMT_REFRESH_REVOKED] = { "purge_refresh_revoked",
	    "DELETE FROM oauth_refresh_tokens WHERE id IN (SELECT id FROM "
	    "oauth_refresh_tokens WHERE revoked LIMIT " BATCH ")", 0 },
	[STMT_ACCESS_EXPIRED] = { "purge_access_expired",
	    "DELETE FROM oauth_access_tokens WHERE id IN (SELECT a.id FROM "
	    "oauth_access_tokens a WHERE a.expires_at <= now() AND "
	    NO_LIVE_REFRESH " LIMIT " BATCH ")", 0 },
	[STMT_ACCESS_REVOKED] = { "purge_access_revoked",
	    "DELETE FROM oauth_access_tokens WHERE id IN (SELECT a.id FROM "
	    "oauth_access_tokens a WHERE a.revoked AND " NO_LIVE_REFRESH
	    " LIMIT " BATCH ")", 0 },
	[STMT_CODES_EXPIRED] = { "purge_codes_expired",
	    "DELETE FROM oauth_auth_codes WHERE id IN (SELECT id FROM "
	    "oauth_auth_codes WHERE expires_at <= now() LIMIT " BATCH ")", 0 },
	[STMT_CODES_REVOKED] = { "purge_codes_revoked",
	    "DELETE FROM oauth_auth_codes WHERE id IN (SELECT id FROM "
	    "oauth_auth_codes WHERE revoked LIMIT " BATCH ")", 0 },
	[STMT_SESSIONS_EXPIRED] = { "purge_sessions_expired",
	    "DELETE FROM oauth_sessions WHERE id IN (SELECT id FROM "
	    "oauth_sessions WHERE expires_at <= now() LIMIT " BATCH ")", 0 },
	/* A live window is what holds a throttle: only ended ones go. */
	[STMT_LOGIN_WINDOWS_ENDED] = { "purge_login_windows_ended",
	    "DELETE FROM oauth_login_failures WHERE (kind, key) IN "
	    "(SELECT kind, key FROM oauth_login_failures "
	    "WHERE window_end <= now() LIMIT " BATCH ")", 0 },
};

const struct db_stmt_table db_purge_stmts = { "db_purge.c", stmts,
    STMT__MAX };

/* Run one batched DELETE until it deletes nothing; add to *count. */
static enum db_status
drain(struct db *db, enum stmt st, long *count)
{
	enum db_status	 s;
	long		 n;

	do {
		if ((s = db_run_count(db, &stmts[st], NULL, &n)) != DB_OK)
			return s;
		*count += n;
	} while (n > 0);
	return DB_OK;
}

enum db_status
db_purge(struct db *db, int what, struct purge_counts *c)
{
	static const struct {
		int		 what;
		enum stmt	 st;
		size_t		 off;
	} steps[] = {
		/* Refresh rows first: they are what keeps access rows. */
		{ PURGE_EXPIRED, STMT_REFRESH_EXPIRED,
		    offsetof(struct purge_counts, refresh) },
		{ PURGE_REVOKED, STMT_REFRESH_REVOKED,
		    offsetof(struct purge_counts, refresh) },
		{ PURGE_EXPIRED, STMT_ACCESS_EXPIRED,
		    offsetof(struct purge_counts, access) },
		{ PURGE_REVOKED, STMT_ACCESS_REVOKED,
		    offsetof(struct purge_counts, access) },
		{ PURGE_EXPIRED, STMT_CODES_EXPIRED,
		    offsetof(struct purge_counts, codes) },
		{ PURGE_REVOKED, STMT_CODES_REVOKED,
		    offsetof(struct purge_counts, codes) },
		{ PURGE_EXPIRED, STMT_SESSIONS_EXPIRED,
		    offsetof(struct purge_counts, sessions) },
		{ PURGE_EXPIRED, STMT_LOGIN_WINDOWS_ENDED,
		    offsetof(struct purge_counts, login_windows) },
	};
	enum db_status	s;
	size_t		i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if ((steps[i].what & what) == 0)
			continue;
		s = drain(db, steps[i].st,
		    (long *)((char *)c + steps[i].off));
		if (s != DB_OK)
			return s;
	}
	return DB_OK;
}
