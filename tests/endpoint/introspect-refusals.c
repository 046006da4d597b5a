/*
 * What introspection refuses: a caller that is not an authenticated
 * confidential client (RFC 7662 §2.1: 401 invalid_client, a public
 * client too), a request without a token (invalid_request), another
 * method than POST (405, Allow: POST) and any other path (404 JSON).
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep		 t;
	struct rl_world		 w;
	struct rl_tokens	 tk;
	char			 body[RL_TOKEN_MAX + 128];

	ep_start(&t, NULL);
	rl_world(&t, &w);
	rl_ivy(&t, &w, &tk);
	snprintf(body, sizeof(body), "&client_id=%s", w.pub_id);
	rl_introspect(&t, NULL, tk.access, body);
	ep_is(rl_answer(&t, "error", NULL), "401:invalid_client",
	    "introspect-public-client: needs a confidential client");
	rl_introspect(&t, NULL, tk.access, NULL);
	ep_is(rl_answer(&t, "error", NULL), "401:invalid_client",
	    "introspect-no-auth: invalid_client");
	rl_introspect(&t, w.rs_auth, NULL, "");
	ep_is(rl_answer(&t, "error", NULL), "400:invalid_request",
	    "introspect-no-token: invalid_request");
	ep_call(&t, EP_INTROSPECT, &(struct ep_req){ .method = "GET",
	    .uri = "/oauth/introspect" });
	ep_is(rl_answer(&t, "H:Allow", "error", NULL),
	    "405:POST:invalid_request",
	    "introspect-get: 405 with Allow: POST");
	snprintf(body, sizeof(body), "token=%s", rl_enc(tk.access));
	ep_call(&t, EP_INTROSPECT, &(struct ep_req){
	    .uri = "/oauth/introspectx", .authorization = w.rs_auth,
	    .body = body });
	ep_is(rl_answer(&t, "error", NULL), "404:not_found",
	    "introspect-unknown-path: /oauth/introspectx is 404 JSON");
	return ep_finish(&t);
}
