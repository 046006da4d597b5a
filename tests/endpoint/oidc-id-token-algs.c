/*
 * An id_token per registered algorithm (Dynamic Client Registration §2
 * id_token_signed_response_alg: RS256, the one every provider has, Core
 * §15.1; ES256; EdDSA, RFC 8037), with the keys as `cpassport keys
 * --add` lays them out: the ES256 signing key and the RS256 and EdDSA
 * keys beside it.  Each client's id_token has its alg in the header,
 * the kid of the key the JWKS serves for it, verifies with that key
 * (node, the JWKS alone), and its at_hash is of the algorithm's hash
 * (SHA-512 for Ed25519, Core §3.1.3.6); the access tokens keep the
 * signing key's ES256.
 */
#include "oidc-lib.h"
#include "resource-lib.h"

int
main(void)
{
	static const enum key_type types[] = { KEY_RS256, KEY_ES256,
				    KEY_EDDSA };
	static const enum key_type beside[] = { KEY_RS256, KEY_EDDSA };
	struct ep		 t;
	struct oidc_world	 w;
	struct rl_key		 k;
	struct client_spec	 spec = { .name = "Alg app", .first_party = 1,
				    .nredirects = 1, .redirects = { AC_CB } };
	static char		 at[OIDC_TOKEN_MAX], idt[OIDC_TOKEN_MAX];
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1], err[256];
	char			 desc[128], path[160];
	const char		*alg, *code;
	json_object		*h, *c;
	size_t			 i;

	rl_key(&k, KEY_ES256);
	for (i = 0; i < sizeof(beside) / sizeof(beside[0]); i++) {
		snprintf(path, sizeof(path), "%s.%s", k.path,
		    key_type_name(beside[i]));
		if (key_generate(beside[i], path, 0, err, sizeof(err)) == -1) {
			printf("Bail out! key: %s\n", err);
			return 1;
		}
	}
	oidc_world(&t, &w, k.line);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		alg = key_alg(types[i]);
		spec.id_token_alg = alg;
		ep_client(&t, &spec, id, secret);
		code = ac_code(&t, &w.jar, oidc_query(id, "openid", ""));
		oidc_exchange(&t, id, secret, code ? code : "none");
		snprintf(at, sizeof(at), "%s", ep_json(&t, "access_token") ?
		    ep_json(&t, "access_token") : "");
		snprintf(idt, sizeof(idt), "%s", ep_json(&t, "id_token") ?
		    ep_json(&t, "id_token") : "");
		h = oidc_jwt_header(idt);
		snprintf(desc, sizeof(desc), "oidc-id-token-alg-%s: the "
		    "header's alg is the client's, the access token's ES256",
		    alg);
		ep_ok(ac_eq(ep_claim(h, "alg"), alg) &&
		    ac_eq(rl_jwt_alg(at), "ES256"), "%s", desc);
		ep_ok(oidc_jwks_verifies(&t, idt, "JWT"), "oidc-id-token-%s: "
		    "verified with the JWKS key of its kid", alg);
		c = ep_jwt_claims(idt);
		ep_is(ep_claim(c, "at_hash"), oidc_at_hash(at,
		    types[i] == KEY_EDDSA), "oidc-id-token-at-hash-alg: "
		    "the algorithm's hash");
		json_object_put(c);
		json_object_put(h);
	}
	rl_key_remove(&k);
	return ep_finish(&t);
}
