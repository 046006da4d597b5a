/*
 * authorize.fcgi's other methods and paths: 405 with Allow naming the
 * methods allowed (RFC 9110 §15.5.6) for /oauth/logout, /oauth/request
 * and /oauth/authorize, and a 404 page for a path it does not serve.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	const char		*ct;
	int			 status;

	ac_world(&t, &w, NULL);
	status = ac_send(&t, EP_AUTHORIZE, NULL, "DELETE", "/oauth/logout",
	    NULL);
	ep_ok(status == 405 && ac_eq(ep_header(&t, "Allow"), "GET, POST") &&
	    ac_send(&t, EP_AUTHORIZE, NULL, "PUT", "/oauth/logout", "x=1") ==
	    405, "logout-method: DELETE or PUT /oauth/logout: 405, Allow: GET, "
	    "POST");
	status = ac_post(&t, NULL, "/oauth/request", "client=x");
	ct = t.resp.content_type;
	ep_ok(status == 405 && ac_eq(ep_header(&t, "Allow"), "GET") &&
	    ac_has(&t, "Method not allowed") && ct != NULL &&
	    strncmp(ct, "text/html", 9) == 0,
	    "request-method: POST /oauth/request: 405 page, Allow: GET");
	status = ac_send(&t, EP_AUTHORIZE, NULL, "PUT", "/oauth/authorize",
	    NULL);
	ep_ok(status == 405 && ac_eq(ep_header(&t, "Allow"), "GET, POST"),
	    "authorize-method: PUT /oauth/authorize: 405, Allow: GET, POST");
	status = ac_get(&t, NULL, "/oauth/authorize/x");
	ct = t.resp.content_type;
	ep_ok(status == 404 && ac_has(&t, "Not found") &&
	    ep_header(&t, "Allow") == NULL && ct != NULL &&
	    strncmp(ct, "text/html", 9) == 0,
	    "authorize-unknown-path: /oauth/authorize/x reaches "
	    "authorize.fcgi: a 404 page");
	return ep_finish(&t);
}
