/*
 * callback.fcgi's routes: GET only (RFC 9110 §15.5.6: a 405 page with
 * Allow: GET; a POST /callback also clears the state cookie, and HEAD
 * /callback/start starts no flow), and nothing else under /callback (a
 * 404 page pointing to /callback/start, the cookie left alone).
 */
#include "callback-lib.h"

int
main(void)
{
	struct ep	 t;
	struct cb_world	 w;
	const char	*clear;

	ep_start(&t, CB_CONFIG);
	cb_world(&t, &w);
	ep_call(&t, EP_CALLBACK, &(struct ep_req){ .uri = "/callback",
	    .body = "code=x" });
	clear = cb_set_cookie(&t, "cpassport_callback");
	ep_ok(t.resp.status == 405 && ep_header(&t, "Allow") != NULL &&
	    strcmp(ep_header(&t, "Allow"), "GET") == 0 &&
	    cb_has(t.body, "<title>Method not allowed</title>") &&
	    cb_has(clear, "cpassport_callback=; ") &&
	    cb_has(clear, "Max-Age=0"), "callback-method: POST /callback: a "
	    "405 page, Allow: GET, the state cookie cleared");
	ep_call(&t, EP_CALLBACK, &(struct ep_req){ .method = "HEAD",
	    .uri = "/callback/start" });
	ep_ok(t.resp.status == 405 && ep_header(&t, "Allow") != NULL &&
	    strcmp(ep_header(&t, "Allow"), "GET") == 0 &&
	    ep_header(&t, "Set-Cookie") == NULL, "callback-start-head: HEAD "
	    "/callback/start: 405, Allow: GET, no flow started");
	cb_get(&t, EP_CALLBACK, "/callback/x", NULL, NULL);
	ep_ok(t.resp.status == 404 &&
	    cb_has(t.body, "<title>Not found</title>") &&
	    cb_has(t.body, "/callback/start") &&
	    ep_header(&t, "Set-Cookie") == NULL, "callback-unknown-path: "
	    "/callback/x: a 404 page pointing to /callback/start, the cookie "
	    "left alone");
	return ep_finish(&t);
}
