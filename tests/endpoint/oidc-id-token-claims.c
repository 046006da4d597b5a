/*
 * The id_token's claims, each its exact value (Core §2): iss the
 * issuer, sub the user's id, aud and azp the client id (strings), iat
 * the issue time and exp iat + id_token_lifetime, auth_time and sid the
 * session's, nonce echoed (§3.1.2.1), amr ["pwd"] for the login form
 * (RFC 8176 §2), at_hash the left half of the access token's SHA-256
 * (§3.1.3.6), recomputed here; no other claim for scope openid alone.
 * The header: typ JWT, the kid of a key the JWKS serves (§10.1).
 */
#include <stdlib.h>
#include <time.h>

#include "oidc-lib.h"

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	static char		 at[OIDC_TOKEN_MAX], idt[OIDC_TOKEN_MAX];
	char			 sid[64], auth_time[32];
	json_object		*c, *h;
	long			 iat;
	time_t			 before = time(NULL);

	oidc_world(&t, &w, "id_token_lifetime = 600\n");
	oidc_tokens(&t, &w, "openid", "&nonce=n-0S6_WzA2Mj", at, idt);
	c = ep_jwt_claims(idt);
	snprintf(sid, sizeof(sid), "%s", ep_sql(&t, "SELECT sid "
	    "FROM oauth_sessions", NULL));
	snprintf(auth_time, sizeof(auth_time), "%s", ep_sql(&t, "SELECT "
	    "extract(epoch FROM auth_time)::bigint FROM oauth_sessions", NULL));
	ep_is(oidc_members(c), "amr at_hash aud auth_time azp exp iat iss "
	    "nonce sid sub", "oidc-id-token-claim-set: Core §2's claims and "
	    "no others");
	ep_is(ep_claim(c, "iss"), "https://issuer.test",
	    "oidc-id-token-iss: the issuer");
	ep_is(ep_claim(c, "sub"), w.alice, "oidc-id-token-sub: the user's id");
	ep_is(ep_claim(c, "aud"), w.cid, "oidc-id-token-aud: the client id, a "
	    "string");
	ep_is(ep_claim(c, "azp"), w.cid, "oidc-id-token-azp: the client id");
	iat = ep_claim(c, "iat") ? atol(ep_claim(c, "iat")) : 0;
	ep_ok(iat >= before && iat <= time(NULL), "oidc-id-token-iat: now");
	ep_is_int(ep_claim(c, "exp") ? atol(ep_claim(c, "exp")) - iat : 0,
	    600, "oidc-id-token-exp: iat + id_token_lifetime");
	ep_is(ep_claim(c, "auth_time"), auth_time, "oidc-id-token-auth-time: "
	    "the session's");
	ep_is(ep_claim(c, "sid"), sid, "oidc-id-token-sid: the session's");
	ep_is(ep_claim(c, "nonce"), "n-0S6_WzA2Mj", "oidc-id-token-nonce: "
	    "echoed (Core §3.1.2.1)");
	ep_is(ep_claim(c, "amr"), "[\"pwd\"]", "oidc-id-token-amr: [\"pwd\"] "
	    "for the login form (RFC 8176 §2)");
	ep_is(ep_claim(c, "at_hash"), oidc_at_hash(at, 0),
	    "oidc-id-token-at-hash: Core §3.1.3.6, recomputed");
	h = oidc_jwt_header(idt);
	ep_ok(ac_eq(ep_claim(h, "typ"), "JWT") &&
	    oidc_jwks_verifies(&t, idt, "JWT"), "oidc-id-token-header: typ "
	    "JWT, the kid of a JWKS key, and its signature verifies");
	json_object_put(h);
	json_object_put(c);
	oidc_tokens(&t, &w, "openid", "", at, idt);
	c = ep_jwt_claims(idt);
	ep_ok(c != NULL && ep_claim(c, "nonce") == NULL,
	    "oidc-id-token-no-nonce: none sent, none in the id_token");
	json_object_put(c);
	return ep_finish(&t);
}
