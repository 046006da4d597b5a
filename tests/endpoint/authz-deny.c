/*
 * Denying consent redirects with error=access_denied (RFC 6749
 * §4.1.2.1), the state, and iss (RFC 9207 §2).
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
	ac_get(&t, &jar, w.target);
	ep_ok(ac_consent(&t, &jar, "deny") == 302 &&
	    ac_eq(ac_loc_param(&t, "error"), "access_denied") &&
	    ac_eq(ac_loc_param(&t, "state"), "s-123") &&
	    ac_eq(ac_loc_param(&t, "iss"), "https://issuer.test"),
	    "authz-deny: 302 with error=access_denied, the state and iss "
	    "(RFC 9207)");
	return ep_finish(&t);
}
