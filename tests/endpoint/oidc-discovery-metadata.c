/*
 * GET /.well-known/openid-configuration (OpenID Connect Discovery 1.0
 * §3, §4.2): the RFC 8414 document's issuer and endpoints, plus the
 * userinfo and logout endpoints, public subjects, the algorithms with an
 * active key, the claims (the configured custom ones too), the scopes
 * with openid, and the request features said false; JSON, not stored.
 * The RFC 8414 document stays without the OpenID members.
 */
#include "resource-lib.h"

#define ISS	"https://issuer.test"

/* A JSON member of the last answer as compact JSON text, or "(none)". */
static const char *
member(struct ep *t, const char *k)
{
	json_object	*v;

	if (t->json == NULL || !json_object_object_get_ex(t->json, k, &v))
		return "(none)";
	return json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
}

static int
get(struct ep *t, const char *method, const char *uri)
{
	return ep_call(t, EP_DISCOVERY, &(struct ep_req){ .method = method,
	    .uri = uri });
}

int
main(void)
{
	struct ep	 t;
	char		 want[1024];

	ep_start(&t, "claim = department profile\nclaim = badge email\n");
	ep_is_int(get(&t, "GET", "/.well-known/openid-configuration"), 200,
	    "oidc-discovery: 200");
	ep_ok(rl_eq(ep_json(&t, "issuer"), ISS, "issuer") &
	    rl_eq(ep_json(&t, "authorization_endpoint"), ISS "/oauth/authorize",
	    "authorization_endpoint") &
	    rl_eq(ep_json(&t, "token_endpoint"), ISS "/oauth/token",
	    "token_endpoint") &
	    rl_eq(ep_json(&t, "jwks_uri"), ISS "/.well-known/jwks.json",
	    "jwks_uri") &
	    rl_eq(ep_json(&t, "userinfo_endpoint"), ISS "/oauth/userinfo",
	    "userinfo_endpoint") &
	    rl_eq(ep_json(&t, "end_session_endpoint"), ISS "/oauth/logout",
	    "end_session_endpoint") &
	    rl_eq(ep_json(&t, "revocation_endpoint"), ISS "/oauth/revoke",
	    "revocation_endpoint") &
	    rl_eq(ep_json(&t, "introspection_endpoint"), ISS
	    "/oauth/introspect", "introspection_endpoint"),
	    "oidc-discovery-endpoints: the issuer and every endpoint under it "
	    "(Discovery §3)");
	ep_is(member(&t, "subject_types_supported"), "[\"public\"]",
	    "oidc-discovery-subject-types: public (Core §8)");
	ep_is(member(&t, "id_token_signing_alg_values_supported"),
	    "[\"ES256\",\"RS256\"]", "oidc-discovery-algs: the algorithms "
	    "with an active key, RS256 among them (Discovery §3)");
	snprintf(want, sizeof(want), "[\"sub\",\"iss\",\"aud\",\"exp\","
	    "\"iat\",\"auth_time\",\"nonce\",\"azp\",\"at_hash\",\"sid\","
	    "\"amr\",\"name\",\"updated_at\",\"email\",\"email_verified\","
	    "\"department\",\"badge\"]");
	ep_is(member(&t, "claims_supported"), want, "oidc-discovery-claims: "
	    "the ID token's and userinfo's claims, the custom ones last");
	ep_is(member(&t, "scopes_supported"), "[\"email\",\"openid\","
	    "\"profile\"]", "oidc-discovery-scopes: openid among the "
	    "registered scopes (Discovery §3: MUST)");
	ep_is(member(&t, "response_types_supported"), "[\"code\"]",
	    "oidc-discovery-response-types: code");
	ep_is(member(&t, "response_modes_supported"),
	    "[\"query\",\"form_post\"]", "oidc-discovery-response-modes: "
	    "query and form_post (Form Post Response Mode)");
	ep_is(member(&t, "code_challenge_methods_supported"), "[\"S256\"]",
	    "oidc-discovery-pkce: S256");
	ep_is(rl_answer(&t, "claims_parameter_supported",
	    "request_parameter_supported", "request_uri_parameter_supported",
	    NULL), "200:false:false:false", "oidc-discovery-false: the claims, "
	    "request and request_uri parameters are not taken (Discovery §3)");
	ep_is(member(&t, "grant_types_supported"), "[\"authorization_code\","
	    "\"password\",\"client_credentials\",\"refresh_token\"]",
	    "oidc-discovery-grants: as RFC 8414's");
	ep_ok(!strcmp(rl_answer(&t, "H:Cache-Control", NULL), "200:no-store") &&
	    t.resp.content_type != NULL &&
	    !strcmp(t.resp.content_type, "application/json"),
	    "oidc-discovery-headers: JSON (Discovery §4.2), not stored");

	get(&t, "GET", "/.well-known/oauth-authorization-server");
	ep_ok(t.resp.status == 200 && !strcmp(member(&t, "userinfo_endpoint"),
	    "(none)") && !strcmp(member(&t, "claims_supported"), "(none)"),
	    "oidc-discovery-rfc8414-unchanged: no OpenID member in RFC "
	    "8414's document");
	ep_is_int(get(&t, "HEAD", "/.well-known/openid-configuration"), 200,
	    "oidc-discovery-head: HEAD as GET");
	get(&t, "POST", "/.well-known/openid-configuration");
	ep_is(rl_answer(&t, "H:Allow", NULL), "405:GET",
	    "oidc-discovery-methods: POST 405");
	return ep_finish(&t);
}
