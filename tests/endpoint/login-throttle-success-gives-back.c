/*
 * Login throttling (RFC 6749 §4.3.2, §10.10) counts failures only: each
 * attempt takes its slot in the window before its password is checked and
 * a success gives it back, so 23 sign-ins (over both limits: 5 per
 * account, 20 per address) and 4 failures leave 4 slots held; the 5th
 * failure is still judged, the 6th refused (429).
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 pw = { .name = "Password app",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1], got[128];
	int			 i, bad = 0;

	ep_start(&t, "allow_plain_http = true");
	ep_scope(&t, "read", "read things");
	ep_user(&t, "alice@example.com", "read", "pw one");
	ep_client(&t, &pw, id, secret);
	for (i = 0; i < 22; i++)
		bad += ac_password(&t, id, secret, "alice@example.com",
		    "pw one") != 200;
	for (i = 0; i < 4; i++)
		bad += ac_password(&t, id, secret, "alice@example.com",
		    "wrong") != 400;
	bad += ac_password(&t, id, secret, "alice@example.com", "pw one") !=
	    200;
	snprintf(got, sizeof(got), "%d:%s", bad, ep_sql(&t, "SELECT "
	    "string_agg(kind || '=' || attempts, ' ' ORDER BY kind) "
	    "FROM oauth_login_failures", NULL));
	ep_is(got, "0:account=4 address=4", "login-throttle-success-gives-"
	    "back: 23 sign-ins (over both limits) and 4 failures: only the "
	    "failures hold slots");
	ep_is_int(ac_password(&t, id, secret, "alice@example.com", "wrong"),
	    400, "login-throttle-success-gives-back: the 5th failure is still "
	    "judged");
	ep_is_int(ac_password(&t, id, secret, "alice@example.com", "wrong"),
	    429, "login-throttle-limit: the 6th is refused");
	return ep_finish(&t);
}
