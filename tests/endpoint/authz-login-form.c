/*
 * Without a session the authorization endpoint shows a labelled login
 * form that may not be framed (RFC 6749 §10.13 clickjacking:
 * X-Frame-Options DENY, CSP frame-ancestors 'none').
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	const char		*csp;

	ac_world(&t, &w, NULL);
	ep_ok(ac_get(&t, NULL, w.target) == 200 &&
	    ac_has(&t, "name=\"password\"") &&
	    ac_has(&t, "<label for=\"email\">"),
	    "authz-login-form: no session gives a labelled login form");
	csp = ep_header(&t, "Content-Security-Policy");
	ep_ok(ep_header(&t, "X-Frame-Options") != NULL &&
	    strcmp(ep_header(&t, "X-Frame-Options"), "DENY") == 0 &&
	    csp != NULL && strstr(csp, "frame-ancestors 'none'") != NULL,
	    "authz-login-framing: X-Frame-Options DENY and CSP "
	    "frame-ancestors 'none'");
	return ep_finish(&t);
}
