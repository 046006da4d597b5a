/*
 * discovery.fcgi's routes: the metadata takes GET only (a POST is a 405
 * JSON with Allow: GET), HEAD is served as GET (RFC 9110 §9.3.2), and any
 * other path is a 404 JSON, not to be cached.
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep	 t;

	ep_start(&t, NULL);
	ep_call(&t, EP_DISCOVERY, &(struct ep_req){
	    .uri = "/.well-known/oauth-authorization-server", .body = "x=1" });
	ep_is(rl_answer(&t, "H:Allow", "error", NULL), "405:GET:invalid_request",
	    "metadata-post: 405 JSON with Allow: GET");
	ep_is_int(ep_call(&t, EP_DISCOVERY, &(struct ep_req){ .method = "HEAD",
	    .uri = "/.well-known/jwks.json" }), 200,
	    "jwks-head: HEAD is served as GET");
	ep_call(&t, EP_DISCOVERY, &(struct ep_req){ .method = "GET",
	    .uri = "/.well-known/jwks.json/x" });
	ep_is(rl_answer(&t, "error", "H:Cache-Control", NULL),
	    "404:not_found:no-store", "discovery-unknown-path: 404 JSON");
	return ep_finish(&t);
}
