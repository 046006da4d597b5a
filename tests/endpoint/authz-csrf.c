/*
 * The consent form's CSRF token (RFC 6749 §10.12): approving without it
 * or with another is 403; without a session the approval asks to sign in.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 req[1024], zero[65];

	ac_world(&t, &w, NULL);
	memset(zero, '0', 64);
	zero[64] = '\0';
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ac_get(&t, &jar, w.target);
	snprintf(req, sizeof(req), "%s", ac_enc(ac_field(&t, "request")));
	ep_is_int(ac_post(&t, &jar, "/oauth/authorize",
	    "action=approve&request=%s", req), 403,
	    "authz-csrf-missing: approve without the CSRF token is 403");
	ep_is_int(ac_post(&t, &jar, "/oauth/authorize",
	    "action=approve&request=%s&csrf_token=%s", req, zero), 403,
	    "authz-csrf-wrong: a wrong CSRF token is 403");
	ep_ok(ac_post(&t, NULL, "/oauth/authorize",
	    "action=approve&request=%s&csrf_token=%s", req, zero) == 200 &&
	    ac_has(&t, "name=\"password\""),
	    "authz-approve-without-session: asks to sign in");
	return ep_finish(&t);
}
