/*
 * Introspecting an access token as a resource server (RFC 7662 §2.2):
 * active, with scope, client_id, username, token_type, exp, iat, nbf,
 * sub, aud, iss and jti matching the token's claims, and not to be
 * cached (Cache-Control: no-store).
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep		 t;
	struct rl_world		 w;
	struct rl_tokens	 tk;
	json_object		*c;

	ep_start(&t, NULL);
	rl_world(&t, &w);
	rl_ivy(&t, &w, &tk);
	c = ep_jwt_claims(tk.access);
	rl_introspect(&t, w.rs_auth, tk.access, NULL);
	ep_is(rl_answer(&t, "active", NULL), "200:true",
	    "introspect-active: an access token is active");
	ep_ok(rl_eq(ep_json(&t, "scope"), "read", "scope") &
	    rl_eq(ep_json(&t, "client_id"), w.app_id, "client_id") &
	    rl_eq(ep_json(&t, "username"), "i@example.com", "username") &
	    rl_eq(ep_json(&t, "token_type"), "Bearer", "token_type") &
	    rl_eq(ep_json(&t, "sub"), w.ivy, "sub") &
	    rl_eq(ep_json(&t, "iss"), "https://issuer.test", "iss") &
	    rl_eq(ep_json(&t, "aud"), w.app_id, "aud") &
	    rl_eq(ep_json(&t, "jti"), ep_claim(c, "jti"), "jti") &
	    rl_eq(ep_json(&t, "exp"), ep_claim(c, "exp"), "exp") &
	    (ep_json(&t, "iat") != NULL) & (ep_json(&t, "nbf") != NULL),
	    "introspect-fields: scope client_id username token_type exp iat "
	    "nbf sub aud iss jti");
	ep_is(ep_header(&t, "Cache-Control"), "no-store",
	    "introspect-no-store");
	json_object_put(c);
	return ep_finish(&t);
}
