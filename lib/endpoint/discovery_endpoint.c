/*
 * RFC 8414 metadata, OpenID Connect Discovery and JWKS; see
 * discovery_endpoint.h.
 */
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
#include "parse/prompt.h"
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

/*
 * The authorization endpoint's response modes, in both documents (RFC
 * 8414 §2, Discovery §3): the one list.
 */
static const char *const response_modes[] = { "query", "form_post", NULL };

/*
 * The claims an ID token or the userinfo answer may carry (Discovery §3
 * claims_supported): Core §2's and the standard ones of grant/claims.h;
 * the configured custom claims follow.
 */
static const char *const claims_supported[] = {
	"sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "azp",
	"at_hash", "sid", "amr", "name", "updated_at", "email",
	"email_verified", NULL,
};

/*
 * The RFC 8414 document, which the OpenID one extends, into *out.  Only
 * what is real: endpoints and values this server implements.  Returns
 * OAUTH_OK or the database's error (the registered scopes).
 */
static enum oauth_error
metadata(struct arena *arena, struct app *app, json_object **out)
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
	    strings(response_modes));
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
	*out = o;
	return OAUTH_OK;
}

/* claims_supported: the fixed list, then the config's custom claims. */
static json_object *
claims(const struct config_claims *custom)
{
	json_object	*a = strings(claims_supported);
	size_t		 i;

	for (i = 0; i < custom->n; i++)
		json_object_array_add(a,
		    json_object_new_string(custom->v[i].name));
	return a;
}

/* prompt_values_supported: the values of parse/prompt.h, all honoured. */
static json_object *
prompt_values(void)
{
	json_object	*a = json_object_new_array();
	int		 p;

	for (p = 0; p < PROMPT__MAX; p++)
		json_object_array_add(a, json_object_new_string(
		    prompt_name(p)));
	return a;
}

/* id_token_signing_alg_values_supported: the algs with an active key. */
static json_object *
id_token_algs(const struct keyset *ks)
{
	json_object	*a = json_object_new_array();
	const char	*algs[KEY__MAX];
	size_t		 i, n = keyset_algs(ks, algs);

	for (i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_string(algs[i]));
	return a;
}

/*
 * What OpenID Connect Discovery 1.0 §3 adds to the RFC 8414 members: the
 * userinfo and logout endpoints, public subjects (Core §8), the ID
 * token's algorithms and claims, the prompt values (Core §3.1.2.1; the
 * member is the one Initiating User Registration via OpenID Connect
 * names), and the request
 * features this server does not take, said false.
 */
static void
openid_members(struct arena *arena, const struct app *app, json_object *o)
{
	static const char *const pub[] = { "public", NULL };

	add_url(arena, o, "userinfo_endpoint", app->cfg.issuer,
	    "/oauth/userinfo");
	add_url(arena, o, "end_session_endpoint", app->cfg.issuer,
	    "/oauth/logout");
	json_object_object_add(o, "subject_types_supported", strings(pub));
	json_object_object_add(o, "id_token_signing_alg_values_supported",
	    id_token_algs(app->keys));
	json_object_object_add(o, "claims_supported",
	    claims(&app->cfg.claims));
	json_object_object_add(o, "prompt_values_supported", prompt_values());
	json_object_object_add(o, "claims_parameter_supported",
	    json_object_new_boolean(0));
	json_object_object_add(o, "request_parameter_supported",
	    json_object_new_boolean(0));
	json_object_object_add(o, "request_uri_parameter_supported",
	    json_object_new_boolean(0));
}

/* The RFC 8414 document, plus the OpenID members when openid. */
static void
serve(struct app *app, const struct http_request *req,
    struct http_response *resp, int openid)
{
	json_object		*o;
	enum oauth_error	 e;

	app_refresh(app);
	if ((e = metadata(req->arena, app, &o)) != OAUTH_OK) {
		oauth_bearer_error_write(resp, e, NULL, NULL);
		return;
	}
	if (openid)
		openid_members(req->arena, app, o);
	oauth_json_object_write(resp, o);
}

void
discovery_metadata(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	serve(ctx, req, resp, 0);
}

void
discovery_openid(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	serve(ctx, req, resp, 1);
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
	{ DISCOVERY_OPENID_PATH, ROUTE_GET | ROUTE_HEAD, discovery_openid },
};

const struct router discovery_router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};
