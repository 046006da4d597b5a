/* GET /api/user; see user_endpoint.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "app/app.h"
#include "auth/access_token.h"
#include "auth/transport.h"
#include "crypto/jwt.h"
#include "endpoint/user_endpoint.h"
#include "http/oauth_error.h"
#include "http/route.h"
#include "parse/bearer_header.h"

static void
write_user(struct http_response *r, const struct access_token *t)
{
	json_object	*o = json_object_new_object();

	/* Laravel's users.id is an integer: keep it one. */
	json_object_object_add(o, "id",
	    json_object_new_int64(strtoll(t->user_id, NULL, 10)));
	json_object_object_add(o, "name",
	    json_object_new_string(t->user_name ? t->user_name : ""));
	json_object_object_add(o, "email",
	    json_object_new_string(t->user_email ? t->user_email : ""));
	oauth_json_object_write(r, o);
}

static struct oauth_outcome
check(struct app *app, const struct http_request *req,
    struct access_token *t)
{
	const char		*tok;
	size_t			 len;
	enum bearer_header	 h;

	/* RFC 6750 §5.3, RFC 6749 §1.6: a Bearer token only over TLS. */
	if (!transport_allowed(app, req))
		return OAUTH_OUTCOME(OAUTH_INVALID_REQUEST,
		    "this endpoint requires TLS");
	h = bearer_header_parse(req->authorization, JWT_MAX_LEN, &tok, &len);
	if (h == BEARER_HEADER_NONE)
		return OAUTH_OUTCOME(OAUTH_UNAUTHORIZED,
		    "a Bearer token is required");
	if (h == BEARER_HEADER_MALFORMED)
		return OAUTH_OUTCOME(OAUTH_INVALID_REQUEST,
		    "malformed Authorization header");
	switch (access_token_check(req->arena, app, tok, len, 1, t)) {
	case ACCESS_ACTIVE:
		break;
	case ACCESS_UNAVAILABLE:
		return OAUTH_OUTCOME(OAUTH_TEMPORARILY_UNAVAILABLE, NULL);
	case ACCESS_ERROR:
		return OAUTH_OUTCOME(OAUTH_SERVER_ERROR, NULL);
	default:
		return OAUTH_OUTCOME(OAUTH_INVALID_TOKEN,
		    "the access token is invalid, expired or revoked");
	}
	if (t->user_id == NULL)
		return OAUTH_OUTCOME(OAUTH_INVALID_TOKEN,
		    "the access token does not represent a user");
	if (app->cfg.user_endpoint_scope != NULL &&
	    !scope_allows(&t->scopes, app->cfg.user_endpoint_scope))
		return OAUTH_OUTCOME(OAUTH_INSUFFICIENT_SCOPE,
		    "the access token lacks the required scope");
	return OAUTH_OUTCOME(OAUTH_OK, NULL);
}

void
user_endpoint(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app		*app = ctx;
	struct access_token	 t;
	struct oauth_outcome	 o;

	memset(&t, 0, sizeof(t));
	app_refresh(app);
	if ((o = check(app, req, &t)).error == OAUTH_OK) {
		snprintf(resp->log_client, sizeof(resp->log_client), "%s",
		    t.client_id);
		write_user(resp, &t);
	} else
		oauth_bearer_error_write(resp, o.error, o.desc,
		    o.error == OAUTH_INSUFFICIENT_SCOPE ?
		    app->cfg.user_endpoint_scope : NULL);
}

static const struct route routes[] = {
	{ "/api/user", ROUTE_GET | ROUTE_HEAD, user_endpoint },
};

const struct router user_router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};
