/*
 * A first-party client skips the consent screen: signed in, the request
 * redirects straight to the code (RFC 6749 §4.1.2).
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ep_ok(ac_fp_get(&t, &w, &jar, "&state=fp") == 302 &&
	    ac_loc_param(&t, "code") != NULL && *ac_loc_param(&t, "code"),
	    "authz-first-party: no consent screen, straight to the code");
	return ep_finish(&t);
}
