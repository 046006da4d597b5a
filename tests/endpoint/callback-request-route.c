/*
 * /oauth/request (authorize.fcgi) for the callback's own client starts
 * the callback's flow at /callback/start (RFC 6749 §10.12: the state and
 * PKCE verifier are made there), a 302 without a cookie; for any other
 * client, even with the same redirect URI, it goes straight to the
 * authorization endpoint as before (RFC 6749 §4.1.1), without a state.
 */
#include "callback-lib.h"
#include "resource-lib.h"

int
main(void)
{
	struct ep	 t;
	struct cb_world	 w;
	char		 uri[128];
	const char	*loc;

	ep_start(&t, CB_CONFIG);
	cb_world(&t, &w);
	snprintf(uri, sizeof(uri), "/oauth/request?client=%s", w.cid);
	cb_get(&t, EP_AUTHORIZE, uri, NULL, NULL);
	ep_ok(t.resp.status == 302 && ep_header(&t, "Set-Cookie") == NULL &&
	    rl_eq(ep_header(&t, "Location"), CB_ISSUER "/callback/start",
	    "Location"), "callback-request-route-start: /oauth/request for "
	    "the callback's client (its own URI first) is a 302 to "
	    "/callback/start");
	snprintf(uri, sizeof(uri), "/oauth/request?client=%s", w.other_id);
	cb_get(&t, EP_AUTHORIZE, uri, NULL, NULL);
	loc = ep_header(&t, "Location");
	ep_ok(t.resp.status == 302 && loc != NULL &&
	    strncmp(loc, CB_ISSUER "/oauth/authorize?",
	    strlen(CB_ISSUER "/oauth/authorize?")) == 0 &&
	    rl_eq(cb_qparam(loc, "client_id"), w.other_id, "client_id") &&
	    rl_eq(cb_qparam(loc, "redirect_uri"), CB_ISSUER "/callback",
	    "redirect_uri") && rl_eq(cb_qparam(loc, "state"), "", "state"),
	    "callback-request-route-other: "
	    "/oauth/request for another client (the same redirect URI) goes to "
	    "/oauth/authorize as before");
	return ep_finish(&t);
}
