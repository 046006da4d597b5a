/*
 * What revocation refuses, and what it does not: another method than POST
 * (405, Allow: POST), another path (404 JSON, nothing revoked), a client
 * that is not the token's (RFC 7009 §2.1: unauthorized_client; the token
 * still works), a wrong secret (invalid_client), no token
 * (invalid_request); an unknown token is a 200 (§2.2).
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep		 t;
	struct rl_world		 w;
	struct rl_tokens	 tk;
	char			 body[3 * RL_TOKEN_MAX + 8];

	ep_start(&t, NULL);
	rl_world(&t, &w);
	rl_ivy(&t, &w, &tk);
	ep_call(&t, EP_REVOKE, &(struct ep_req){ .method = "PUT",
	    .uri = "/oauth/revoke" });
	ep_is(rl_answer(&t, "H:Allow", "error", NULL),
	    "405:POST:invalid_request", "revoke-put: 405 with Allow: POST");
	snprintf(body, sizeof(body), "token=%s", rl_enc(tk.access));
	ep_call(&t, EP_REVOKE, &(struct ep_req){ .uri = "/oauth/revoke/x",
	    .authorization = w.rs_auth, .body = body });
	ep_is(rl_answer(&t, "error", NULL), "404:not_found",
	    "revoke-unknown-path: /oauth/revoke/x is 404 JSON, nothing revoked");
	ep_is_int(rl_revoke(&t, w.app_auth, "unknown-token-value", NULL), 200,
	    "revoke-unknown-token: 200 (RFC 7009 §2.2)");
	rl_revoke(&t, w.rs_auth, tk.access, NULL);
	ep_is(rl_answer(&t, "error", NULL), "400:unauthorized_client",
	    "revoke-other-client: refused (RFC 7009 §2.1)");
	ep_is_int(rl_user(&t, tk.access), 200,
	    "revoke-other-client: the token still works");
	rl_revoke(&t, ep_basic(w.app_id, "wrong"), tk.access, NULL);
	ep_is(rl_answer(&t, "error", NULL), "401:invalid_client",
	    "revoke-bad-client: invalid_client");
	rl_revoke(&t, w.app_auth, NULL, "");
	ep_is(rl_answer(&t, "error", NULL), "400:invalid_request",
	    "revoke-no-token: invalid_request");
	return ep_finish(&t);
}
