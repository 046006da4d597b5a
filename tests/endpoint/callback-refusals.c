/*
 * What /callback refuses before any code goes to the token endpoint
 * (RFC 6749 §10.12): a state that is not the cookie's (400 State
 * mismatch, the cookie cleared); a code in a browser without the state
 * cookie, the login CSRF case (400 Not started here, a link to
 * /callback/start, no tokens, the cookie cleared); an error answer
 * (RFC 6749 §4.1.2.1) as a clear page with the description escaped; no
 * code at all (400).
 */
#include "callback-lib.h"

int
main(void)
{
	struct ep	 t;
	struct cb_world	 w;
	char		 cookie[600], state[300], uri[1024];
	const char	*clear;

	ep_start(&t, CB_CONFIG);
	cb_world(&t, &w);
	cb_get(&t, EP_CALLBACK, "/callback/start", NULL, NULL);
	snprintf(cookie, sizeof(cookie), "cpassport_callback=%s",
	    cb_cookie(&t, "cpassport_callback") ?
	    cb_cookie(&t, "cpassport_callback") : "");
	snprintf(state, sizeof(state), "%s",
	    cb_qparam(ep_header(&t, "Location"), "state"));

	cb_get(&t, EP_CALLBACK, "/callback?code=a-code&state=forged", cookie,
	    NULL);
	clear = cb_set_cookie(&t, "cpassport_callback");
	ep_ok(t.resp.status == 400 && cb_has(t.body, "<h1>State mismatch</h1>")
	    && cb_has(clear, "cpassport_callback=; ") &&
	    cb_has(clear, "Max-Age=0"), "callback-state-mismatch: a state "
	    "that is not the cookie's is refused (400 State mismatch), the "
	    "cookie cleared");

	snprintf(uri, sizeof(uri), "/callback?code=a-code&state=attacker");
	cb_get(&t, EP_CALLBACK, uri, NULL, NULL);
	clear = cb_set_cookie(&t, "cpassport_callback");
	ep_ok(t.resp.status == 400 &&
	    cb_has(t.body, "<title>Not started here</title>") &&
	    cb_has(t.body, "did not start the sign-in") &&
	    cb_has(t.body, "<a href=\"/callback/start\">") &&
	    !cb_has(t.body, "id=\"access_token\"") &&
	    cb_has(clear, "cpassport_callback=; ") &&
	    cb_has(clear, "Max-Age=0"), "callback-no-state-cookie: a code in "
	    "a browser without the state cookie: 400 Not started here, a link "
	    "to /callback/start, no tokens");

	snprintf(uri, sizeof(uri), "/callback?error=access_denied&"
	    "error_description=%%3Cscript%%3Ealert(1)%%3C%%2Fscript%%3E&"
	    "state=%s", state);
	cb_get(&t, EP_CALLBACK, uri, cookie, NULL);
	ep_ok(t.resp.status == 400 && cb_has(t.body, "access_denied") &&
	    !cb_has(t.body, "<script>"), "callback-error: a clear page, the "
	    "description escaped");
	ep_is_int(cb_get(&t, EP_CALLBACK, "/callback", NULL, NULL), 400,
	    "callback-no-code: 400");
	return ep_finish(&t);
}
