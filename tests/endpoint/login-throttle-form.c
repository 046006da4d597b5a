/*
 * Login throttling (RFC 6749 §10.10, §4.3.2: guard password logins
 * against brute force): after 5 failures for an account even the right
 * password waits (429, Retry-After, RFC 6585 §4), an account that does not
 * exist the same, the password grant shares the throttle, and another
 * account still signs in.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	struct client_spec	 pw = { .name = "Password app",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	int			 i;

	ac_world(&t, &w, NULL);
	for (i = 0; i < 5; i++)
		ac_login(&t, &jar, "bob@example.com", "wrong", w.q);
	ep_ok(ac_login(&t, &jar, "bob@example.com", "pw two", w.q) == 429 &&
	    ep_header(&t, "Retry-After") != NULL,
	    "authz-login-throttle: after 5 failures even the right password "
	    "waits (429, Retry-After)");
	for (i = 0; i < 5; i++)
		ac_login(&t, &jar, "nobody@example.com", "wrong", w.q);
	ep_is_int(ac_login(&t, &jar, "nobody@example.com", "wrong", w.q), 429,
	    "authz-login-throttle-unknown-account: the same for an account "
	    "that does not exist");
	ep_client(&t, &pw, id, secret);
	ep_ok(ep_token(&t, ep_basic(id, secret), "grant_type=password"
	    "&username=bob%%40example.com&password=pw+two") == 429 &&
	    ep_header(&t, "Retry-After") != NULL,
	    "token-password-throttle: the password grant shares the throttle");
	ep_is_int(ac_login(&t, &jar, "alice@example.com", "pw one", w.q), 303,
	    "authz-login-throttle-per-account: another account still signs in");
	return ep_finish(&t);
}
