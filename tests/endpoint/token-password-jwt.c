/*
 * The access token of a password grant is a JWT access token (RFC 9068):
 * header alg ES256 and typ at+jwt (§2.1), signed with the signing key
 * whose kid is its RFC 7638 thumbprint, exp - iat the configured
 * lifetime, and sub, client_id, iss, aud and the scopes as claims (§2.2).
 */
#include "token-lib.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Password client",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 alice[64];
	const char		*at, *iat, *exp;
	json_object		*h, *c;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "Read your data");
	ep_scope(&t, "write", "Change your data");
	snprintf(alice, sizeof(alice), "%s", ep_user(&t, "alice@example.com",
	    "read,write", "correct horse"));
	ep_client(&t, &spec, id, secret);

	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com&"
	    "password=correct+horse&scope=read+write", id, secret);
	at = ep_json(&t, "access_token");
	h = tk_jwt_header(at);
	c = ep_jwt_claims(at);
	ep_ok(ep_claim(h, "alg") && strcmp(ep_claim(h, "alg"), "ES256") == 0 &&
	    ep_claim(h, "typ") && strcmp(ep_claim(h, "typ"), "at+jwt") == 0,
	    "jwt: header alg ES256, typ at+jwt (RFC 9068)");
	ep_ok(tk_jwt_verifies(at, t.app.cfg.signing_key),
	    "jwt: signature verifies with OpenSSL; kid is the RFC 7638 "
	    "thumbprint");
	iat = ep_claim(c, "iat");
	exp = ep_claim(c, "exp");
	ep_is_int(iat && exp ? atol(exp) - atol(iat) : -1, 900,
	    "jwt: exp - iat equals access_token_lifetime");
	ep_ok(ep_claim(c, "sub") && strcmp(ep_claim(c, "sub"), alice) == 0 &&
	    ep_claim(c, "client_id") &&
	    strcmp(ep_claim(c, "client_id"), id) == 0 &&
	    ep_claim(c, "iss") &&
	    strcmp(ep_claim(c, "iss"), "https://issuer.test") == 0 &&
	    ep_claim(c, "aud") && strcmp(ep_claim(c, "aud"), id) == 0 &&
	    ep_claim(c, "scopes") &&
	    strcmp(ep_claim(c, "scopes"), "[\"read\",\"write\"]") == 0,
	    "jwt: sub, client_id, iss, aud, scopes claims");
	json_object_put(h);
	json_object_put(c);
	return ep_finish(&t);
}
