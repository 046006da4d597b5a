/*
 * A throttle window is fixed (RFC 6749 §10.10): once it has ended, a new
 * one starts afresh and the right password signs in again.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 pw = { .name = "Password app",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	int			 i;

	ep_start(&t, "allow_plain_http = true");
	ep_scope(&t, "read", "read things");
	ep_user(&t, "alice@example.com", "read", "pw one");
	ep_client(&t, &pw, id, secret);
	for (i = 0; i < 5; i++)
		ac_password(&t, id, secret, "alice@example.com", "wrong");
	ep_is_int(ac_password(&t, id, secret, "alice@example.com", "pw one"),
	    429, "login-throttle-window-ends: a full window refuses the right "
	    "password");
	ep_sql(&t, "UPDATE oauth_login_failures SET window_start = now() - "
	    "interval '16 min', window_end = now() - interval '1 min'", NULL);
	ep_is_int(ac_password(&t, id, secret, "alice@example.com", "pw one"),
	    200, "login-throttle-window-ends: a new window starts afresh");
	return ep_finish(&t);
}
