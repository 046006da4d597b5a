/*
 * The authorization server's metadata (RFC 8414 §2, §3.2): 200, the
 * issuer and every endpoint URL under it, the grants the token endpoint
 * runs, its client authentication methods, the registered scopes; not
 * to be cached.
 */
#include <stdlib.h>

#include "resource-lib.h"

/* The strings of a JSON array at path, sorted, space-separated. */
static const char *
sorted(struct ep *t, const char *path)
{
	static char	 out[1024];
	json_object	*a;
	const char	*v[32], *tmp;
	size_t		 n = 0, i, j, len = 0;

	out[0] = '\0';
	if (t->json == NULL || !json_object_object_get_ex(t->json, path, &a) ||
	    !json_object_is_type(a, json_type_array))
		return "(no array)";
	for (i = 0; i < json_object_array_length(a) && n < 32; i++)
		v[n++] = json_object_get_string(json_object_array_get_idx(a,
		    i));
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(v[j - 1], v[j]) > 0; j--) {
			tmp = v[j];
			v[j] = v[j - 1];
			v[j - 1] = tmp;
		}
	for (i = 0; i < n && len < sizeof(out); i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s",
		    i ? " " : "", v[i]);
	return out;
}

int
main(void)
{
	struct ep	 t;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "read things");
	ep_is_int(ep_call(&t, EP_DISCOVERY, &(struct ep_req){
	    .method = "GET", .uri = "/.well-known/oauth-authorization-server" }),
	    200, "metadata: 200");
	ep_ok(rl_eq(ep_json(&t, "issuer"), "https://issuer.test", "issuer") &
	    rl_eq(ep_json(&t, "token_endpoint"),
	    "https://issuer.test/oauth/token", "token_endpoint") &
	    rl_eq(ep_json(&t, "jwks_uri"),
	    "https://issuer.test/.well-known/jwks.json", "jwks_uri") &
	    rl_eq(ep_json(&t, "revocation_endpoint"),
	    "https://issuer.test/oauth/revoke", "revocation_endpoint") &
	    rl_eq(ep_json(&t, "introspection_endpoint"),
	    "https://issuer.test/oauth/introspect", "introspection_endpoint"),
	    "metadata-endpoints: issuer and every endpoint URL (RFC 8414 §2)");
	ep_is(sorted(&t, "grant_types_supported"),
	    "authorization_code client_credentials password refresh_token",
	    "metadata-grants: the grants the token endpoint runs");
	ep_is(sorted(&t, "token_endpoint_auth_methods_supported"),
	    "client_secret_basic client_secret_post", "metadata-auth-methods");
	ep_is(sorted(&t, "scopes_supported"), "email openid profile read",
	    "metadata-scopes: registered scopes, the OpenID ones (sql/005_openid.sql) among them");
	ep_is(ep_header(&t, "Cache-Control"), "no-store", "metadata-no-store");
	return ep_finish(&t);
}
