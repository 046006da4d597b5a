/*
 * Signed in, the authorization endpoint shows the consent page: the
 * client's name, the scope descriptions and a CSRF token (RFC 6749
 * §10.12), not to be framed (§10.13).
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	const char		*csp;

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ep_ok(ac_get(&t, &jar, ep_header(&t, "Location")) == 200 &&
	    ac_has(&t, "Web app") && ac_has(&t, "Read or write read things") &&
	    ac_has(&t, "name=\"csrf_token\""),
	    "authz-consent: client name, scope descriptions, CSRF token");
	csp = ep_header(&t, "Content-Security-Policy");
	ep_ok(ep_header(&t, "X-Frame-Options") != NULL &&
	    strcmp(ep_header(&t, "X-Frame-Options"), "DENY") == 0 &&
	    csp != NULL && strstr(csp, "frame-ancestors 'none'") != NULL,
	    "authz-consent-framing: framing refused");
	return ep_finish(&t);
}
