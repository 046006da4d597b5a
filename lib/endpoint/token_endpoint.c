/* POST /oauth/token; see token_endpoint.h. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "auth/client_auth.h"
#include "crypto/password.h"
#include "endpoint/post_form.h"
#include "endpoint/token_endpoint.h"
#include "grant/grants.h"
#include "grant/issue.h"
#include "grant/token_params.h"
#include "http/oauth_error.h"
#include "http/route.h"
#include "parse/grant.h"
#include "parse/scope.h"

static const struct form_param params[TP__MAX] = {
	[TP_GRANT_TYPE] = { "grant_type", 64 },
	[TP_CLIENT_ID] = { "client_id", 128 },
	[TP_CLIENT_SECRET] = { "client_secret", 256 },
	[TP_USERNAME] = { "username", 254 },
	[TP_PASSWORD] = { "password", PASSWORD_MAX },
	[TP_SCOPE] = { "scope", SCOPE_MAX_TEXT },
	[TP_REFRESH_TOKEN] = { "refresh_token", 128 },
	[TP_CODE] = { "code", 128 },
	[TP_REDIRECT_URI] = { "redirect_uri", 2048 },
	[TP_CODE_VERIFIER] = { "code_verifier", 128 },
};

/* Grants this endpoint runs; the others are unsupported_grant_type. */
static const grant_fn grants[GRANT__MAX] = {
	[GRANT_AUTHORIZATION_CODE] = grant_authorization_code,
	[GRANT_PASSWORD] = grant_password,
	[GRANT_CLIENT_CREDENTIALS] = grant_client_credentials,
	[GRANT_REFRESH_TOKEN] = grant_refresh_token,
};

/*
 * Authenticate the client and run grant g into *t.  client_credentials
 * may judge the client on the process's cached copy (client_cache.h);
 * when the copy may be out of date, once more from the database.
 */
static struct oauth_outcome
run_grant(struct app *app, const struct http_request *req,
    const struct token_params *tp, struct http_response *resp,
    struct issued *t)
{
	struct client_credentials	 cc;
	struct client_cache		*cache = NULL;
	struct client			 c;
	struct oauth_outcome		 auth, o;
	int				 g;

	if (tp->v[TP_GRANT_TYPE].s == NULL)
		return OAUTH_OUTCOME(OAUTH_INVALID_REQUEST,
		    "grant_type is required");
	g = grant_parse(tp->v[TP_GRANT_TYPE].s);
	if (g == -1 || grants[g] == NULL)
		return OAUTH_OUTCOME(OAUTH_UNSUPPORTED_GRANT_TYPE,
		    "grant_type not supported");
	cc.body_id = tp->v[TP_CLIENT_ID].s;
	cc.body_secret = tp->v[TP_CLIENT_SECRET].s;
	if (g == GRANT_CLIENT_CREDENTIALS)
		cache = &app->clients;
again:
	auth = client_auth(app, req, &cc, cache, &c);
	/* A revoked client's refresh tokens are dead grants: invalid_grant. */
	if (auth.error == OAUTH_INVALID_CLIENT && auth.client_revoked &&
	    g == GRANT_REFRESH_TOKEN)
		auth.error = OAUTH_INVALID_GRANT;
	if (auth.error != OAUTH_OK)
		return auth;
	snprintf(resp->log_client, sizeof(resp->log_client), "%s", c.id);
	if ((c.grants & (1u << g)) == 0)
		o = OAUTH_OUTCOME(OAUTH_UNAUTHORIZED_CLIENT,
		    "the client may not use this grant type");
	else
		o = grants[g](app, &c, tp, t);
	o.basic_used = auth.basic_used;
	/*
	 * Judged on a copy: no refusal stands until the row agrees.  A
	 * failure of the database is no verdict on the copy, and its
	 * insert may have run: never again (db.h).
	 */
	if (c.cached && o.error != OAUTH_OK &&
	    o.error != OAUTH_TEMPORARILY_UNAVAILABLE &&
	    o.error != OAUTH_SERVER_ERROR) {
		client_cache_drop(cache, c.id);
		cache = NULL;
		issue_clear(t);
		goto again;
	}
	return o;
}

/* The one place the token endpoint answers, success or failure. */
void
token_endpoint(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app		*app = ctx;
	struct token_params	 tp;
	struct issued		 t;
	struct oauth_outcome	 o = OAUTH_OUTCOME(OAUTH_OK, NULL);

	app_refresh(app);
	memset(&t, 0, sizeof(t));
	tp.remote_addr = req->remote_addr;
	tp.arena = req->arena;
	o.error = post_form_parse(app, req, params, TP__MAX, tp.v, &o.desc);
	if (o.error == OAUTH_OK)
		o = run_grant(app, req, &tp, resp, &t);
	if (o.error == OAUTH_OK)
		issue_respond(resp, &t);
	else
		oauth_error_write(resp, &o);
	issue_clear(&t);
}

static const struct route routes[] = {
	{ "/oauth/token", ROUTE_POST, token_endpoint },
};

const struct router token_router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};
