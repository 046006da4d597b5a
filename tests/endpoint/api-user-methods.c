/*
 * The /api/user routes: POST is 405 with Allow: GET; any other path is a
 * 404 JSON without a Bearer challenge; HEAD is served as GET (RFC 9110
 * §9.3.2), so without a token a 401.
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep	 t;

	ep_start(&t, RL_ANN_CONFIG);
	ep_call(&t, EP_USER, &(struct ep_req){ .uri = "/api/user",
	    .body = "x=1" });
	ep_is(rl_answer(&t, "H:Allow", NULL), "405:GET",
	    "api-user-post: 405 with Allow: GET");
	ep_call(&t, EP_USER, &(struct ep_req){ .method = "GET",
	    .uri = "/api/user/1" });
	ep_is(rl_answer(&t, "error", "H:WWW-Authenticate", NULL),
	    "404:not_found:(none)", "api-user-unknown-path: /api/user/1 is "
	    "404 JSON, no Bearer challenge");
	ep_is_int(ep_call(&t, EP_USER, &(struct ep_req){ .method = "HEAD",
	    .uri = "/api/user" }), 401,
	    "api-user-head: HEAD is served as GET (401 without a token)");
	return ep_finish(&t);
}
