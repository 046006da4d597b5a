/*
 * Purging expired rows (admin_purge(), `cpassport purge --expired`)
 * drops the ended login throttle windows, in batches (PURGE_BATCH), and
 * only those: live windows stay and still hold (RFC 6749 §10.10).
 */
#include "authcode-lib.h"
#include "store/db_purge.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 pw = { .name = "Password app",
				    .kind = CLIENT_PASSWORD };
	struct purge_counts	 pc;
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1], err[256];
	int			 i, keys = 0;

	ep_start(&t, "allow_plain_http = true");
	ep_scope(&t, "read", "read things");
	ep_user(&t, "alice@example.com", "read", "pw one");
	ep_client(&t, &pw, id, secret);
	for (i = 0; i < 5; i++)
		ac_password(&t, id, secret, "alice@example.com", "wrong");
	ep_sql(&t, "INSERT INTO oauth_login_failures (kind, key, attempts, "
	    "window_start, window_end) SELECT 'address', '10.0.' || (i / 256) "
	    "|| '.' || (i % 256), 3, now() - interval '1 hour', now() - "
	    "interval '45 min' FROM generate_series(1, 2500) AS i", NULL);
	memset(&pc, 0, sizeof(pc));
	if (admin_purge(&t.app, PURGE_EXPIRED, &pc, &keys, err,
	    sizeof(err)) == -1)
		printf("# purge: %s\n", err);
	ep_is(ep_sql(&t, "SELECT count(*) FROM oauth_login_failures WHERE "
	    "window_end <= now()", NULL), "0",
	    "purge-login-failures-old: the 2,500 ended windows are gone");
	ep_is_int(pc.login_windows, 2500, "purge-login-failures-count: "
	    "admin_purge() counts them");
	ep_is(ep_sql(&t, "SELECT string_agg(kind || '=' || attempts, ' ' "
	    "ORDER BY kind) FROM oauth_login_failures", NULL),
	    "account=5 address=5",
	    "purge-login-failures-live: the live windows stay");
	ep_is_int(ac_password(&t, id, secret, "alice@example.com", "pw one"),
	    429, "purge-throttle-holds: after purge the account's limit still "
	    "holds");
	return ep_finish(&t);
}
