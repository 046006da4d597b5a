/* RFC 8414 metadata and JWKS; see discovery_endpoint.h. */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "app/app.h"
#include "base/arena.h"
#include "crypto/keyset.h"
#include "endpoint/discovery_endpoint.h"
#include "http/oauth_error.h"
#include "http/route.h"
#include "parse/grant.h"
#include "store/db_scope.h"

static json_object *
strings(const char *const *v)
{
	json_object	*a = json_object_new_array();

	for (; *v != NULL; v++)
		json_object_array_add(a, json_object_new_string(*v));
	return a;
}

static void
add_url(struct arena *a, json_object *o, const char *k, const char *issuer,
    const char *path)
{
	size_t	n = strlen(issuer);

	while (n > 0 && issuer[n - 1] == '/')
		n--;
	json_object_object_add(o, k, json_object_new_string(
	    arena_printf(a, "%.*s%s", (int)n, issuer, path)));
}

/* grant_types_supported: the token endpoint's grants (parse/grant.h). */
static json_object *
grant_types(void)
{
	json_object	*a = json_object_new_array();
	int		 g;

	for (g = 0; g < GRANT__MAX; g++)
		if (grant_at_token_endpoint(g))
			json_object_array_add(a,
			    json_object_new_string(grant_name(g)));
	return a;
}

/* Only what is real: endpoints and values this server implements. */
static enum oauth_error
metadata(struct arena *arena, struct app *app, struct http_response *r)
{
	static const char *const code[] = { "code", NULL };
	static const char *const pkce[] = { "S256", NULL };
	static const char *const pkce_plain[] = { "S256", "plain", NULL };
	static const char *const auth[] = { "client_secret_basic",
	    "client_secret_post", NULL };
	static const char *const revoke_auth[] = { "client_secret_basic",
	    "client_secret_post", "none", NULL };
	json_object		*o, *scopes;
	struct scope_rows	 known;
	enum db_status		 s;
	size_t			 i;

	if ((s = db_scope_list(arena, app->db, &known)) != DB_OK)
		return oauth_db_error(s);
	scopes = json_object_new_array();
	for (i = 0; i < known.n; i++)
		json_object_array_add(scopes,
		    json_object_new_string(known.v[i].name));
	o = json_object_new_object();
	json_object_object_add(o, "issuer",
	    json_object_new_string(app->cfg.issuer));
	add_url(arena, o, "authorization_endpoint", app->cfg.issuer,
	    "/oauth/authorize");
	add_url(arena, o, "token_endpoint", app->cfg.issuer, "/oauth/token");
	add_url(arena, o, "jwks_uri", app->cfg.issuer, DISCOVERY_JWKS_PATH);
	add_url(arena, o, "revocation_endpoint", app->cfg.issuer,
	    "/oauth/revoke");
	add_url(arena, o, "introspection_endpoint", app->cfg.issuer,
	    "/oauth/introspect");
	json_object_object_add(o, "scopes_supported", scopes);
	json_object_object_add(o, "response_types_supported", strings(code));
	/* authorize_request.c: OAuth 2.0 Form Post Response Mode too. */
	json_object_object_add(o, "response_modes_supported",
	    strings((const char *const[]){ "query", "form_post", NULL }));
	json_object_object_add(o, "code_challenge_methods_supported",
	    strings(app->cfg.pkce_allow_plain ? pkce_plain : pkce));
	json_object_object_add(o, "authorization_response_iss_parameter_supported",
	    json_object_new_boolean(1));
	json_object_object_add(o, "grant_types_supported", grant_types());
	json_object_object_add(o, "token_endpoint_auth_methods_supported",
	    strings(auth));
	json_object_object_add(o, "revocation_endpoint_auth_methods_supported",
	    strings(revoke_auth));
	json_object_object_add(o,
	    "introspection_endpoint_auth_methods_supported", strings(auth));
	oauth_json_object_write(r, o);
	return OAUTH_OK;
}

void
discovery_metadata(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app		*app = ctx;
	enum oauth_error	 e;

	(void)req;
	app_refresh(app);
	if ((e = metadata(req->arena, app, resp)) != OAUTH_OK)
		oauth_bearer_error_write(resp, e, NULL, NULL);
}

void
discovery_jwks(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app	*app = ctx;
	char		*jwks;

	(void)req;
	app_refresh(app);
	jwks = keyset_jwks(app->keys);
	oauth_json_write(resp, jwks);
	free(jwks);
}

static const struct route routes[] = {
	{ DISCOVERY_METADATA_PATH, ROUTE_GET | ROUTE_HEAD, discovery_metadata },
	{ DISCOVERY_JWKS_PATH, ROUTE_GET | ROUTE_HEAD, discovery_jwks },
};

const struct router discovery_router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};
