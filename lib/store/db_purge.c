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

static const struct db_stmt purge_refresh_expired = { "purge_refresh_expired",
    "DELETE FROM oauth_refresh_tokens WHERE id IN (SELECT id FROM "
    "oauth_refresh_tokens WHERE expires_at <= now() LIMIT " BATCH ")",
    0 };
static const struct db_stmt purge_refresh_revoked = { "purge_refresh_revoked",
    "DELETE FROM oauth_refresh_tokens WHERE id IN (SELECT id FROM "
    "oauth_refresh_tokens WHERE revoked LIMIT " BATCH ")", 0 };
static const struct db_stmt purge_access_expired = { "purge_access_expired",
    "DELETE FROM oauth_access_tokens WHERE id IN (SELECT a.id FROM "
    "oauth_access_tokens a WHERE a.expires_at <= now() AND "
    NO_LIVE_REFRESH " LIMIT " BATCH ")", 0 };
static const struct db_stmt purge_access_revoked = { "purge_access_revoked",
    "DELETE FROM oauth_access_tokens WHERE id IN (SELECT a.id FROM "
    "oauth_access_tokens a WHERE a.revoked AND " NO_LIVE_REFRESH
    " LIMIT " BATCH ")", 0 };
static const struct db_stmt purge_codes_expired = { "purge_codes_expired",
    "DELETE FROM oauth_auth_codes WHERE id IN (SELECT id FROM "
    "oauth_auth_codes WHERE expires_at <= now() LIMIT " BATCH ")", 0 };
static const struct db_stmt purge_codes_revoked = { "purge_codes_revoked",
    "DELETE FROM oauth_auth_codes WHERE id IN (SELECT id FROM "
    "oauth_auth_codes WHERE revoked LIMIT " BATCH ")", 0 };
static const struct db_stmt purge_sessions_expired = { "purge_sessions_expired",
    "DELETE FROM oauth_sessions WHERE id IN (SELECT id FROM "
    "oauth_sessions WHERE expires_at <= now() LIMIT " BATCH ")", 0 };
/* A live window is what holds a throttle: only ended ones go. */
static const struct db_stmt purge_login_windows_ended = {
    "purge_login_windows_ended",
    "DELETE FROM oauth_login_failures WHERE (kind, key) IN "
    "(SELECT kind, key FROM oauth_login_failures "
    "WHERE window_end <= now() LIMIT " BATCH ")", 0 };

static const struct db_stmt *const stmts[] = {
	&purge_refresh_expired, &purge_refresh_revoked, &purge_access_expired,
	&purge_access_revoked, &purge_codes_expired, &purge_codes_revoked,
	&purge_sessions_expired, &purge_login_windows_ended,
};

const struct db_stmt_table db_purge_stmts = DB_STMTS("db_purge.c", stmts);

/* Run one batched DELETE until it deletes nothing; add to *count. */
static enum db_status
drain(struct db *db, const struct db_stmt *st, long *count)
{
	enum db_status	 s;
	long		 n;

	do {
		if ((s = db_run_count(db, st, NULL, &n)) != DB_OK)
			return s;
		*count += n;
	} while (n > 0);
	return DB_OK;
}

enum db_status
db_purge(struct db *db, int what, struct purge_counts *c)
{
	static const struct {
		int			 what;
		const struct db_stmt	*st;
		size_t			 off;
	} steps[] = {
		/* Refresh rows first: they are what keeps access rows. */
		{ PURGE_EXPIRED, &purge_refresh_expired,
		    offsetof(struct purge_counts, refresh) },
		{ PURGE_REVOKED, &purge_refresh_revoked,
		    offsetof(struct purge_counts, refresh) },
		{ PURGE_EXPIRED, &purge_access_expired,
		    offsetof(struct purge_counts, access) },
		{ PURGE_REVOKED, &purge_access_revoked,
		    offsetof(struct purge_counts, access) },
		{ PURGE_EXPIRED, &purge_codes_expired,
		    offsetof(struct purge_counts, codes) },
		{ PURGE_REVOKED, &purge_codes_revoked,
		    offsetof(struct purge_counts, codes) },
		{ PURGE_EXPIRED, &purge_sessions_expired,
		    offsetof(struct purge_counts, sessions) },
		{ PURGE_EXPIRED, &purge_login_windows_ended,
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
