/* POST /oauth/introspect, RFC 7662; see introspect_endpoint.h. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "app/app.h"
#include "endpoint/introspect_endpoint.h"
#include "endpoint/token_lookup.h"
#include "http/route.h"

static void
add_str(json_object *o, const char *k, const char *v)
{
	if (v != NULL)
		json_object_object_add(o, k, json_object_new_string(v));
}

static void
add_int(json_object *o, const char *k, long long v)
{
	json_object_object_add(o, k, json_object_new_int64(v));
}

/* RFC 7662 §2.2: the members that open either kind's answer. */
static void
describe(json_object *o, const char *scope, const char *client_id,
    const char *username, const char *token_type, long long exp,
    long long iat)
{
	add_str(o, "scope", scope);
	add_str(o, "client_id", client_id);
	add_str(o, "username", username);
	add_str(o, "token_type", token_type);
	add_int(o, "exp", exp);
	add_int(o, "iat", iat);
}

static void
describe_access(json_object *o, const struct access_token *t)
{
	describe(o, t->scope, t->client_id, t->user_email, "Bearer", t->exp,
	    t->iat);
	add_int(o, "nbf", t->nbf);
	add_str(o, "sub", t->sub);
	add_str(o, "aud", t->aud);
	add_str(o, "iss", t->iss);
	add_str(o, "jti", t->jti);
}

static void
describe_refresh(json_object *o, struct app *app,
    const struct refresh_info *i)
{
	describe(o, i->scopes, i->client_id, i->user_email, "refresh_token",
	    i->exp, i->iat);
	add_str(o, "sub", i->user_id != NULL ? i->user_id : i->client_id);
	add_str(o, "iss", app->cfg.issuer);
}

/*
 * RFC 7662 §2.1 leaves to the server which tokens a caller may see: a
 * client sees the tokens issued to it, and a client registered as a
 * resource server every access token.  A refresh token is the business of
 * its own client only (a resource server never receives one).  Anything
 * else is {"active":false}, as if the token were unknown (§2.2), so no
 * caller learns who holds another client's token.
 */
static int
visible(const struct token_lookup *l)
{
	if (l->kind == LOOKUP_ACCESS)
		return l->client.resource_server ||
		    strcmp(l->access.client_id, l->client.id) == 0;
	return l->kind == LOOKUP_REFRESH && l->refresh.active &&
	    strcmp(l->refresh.client_id, l->client.id) == 0;
}

void
introspect_endpoint(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app		*app = ctx;
	struct token_lookup	 l;
	struct oauth_outcome	 out;
	json_object		*o;
	int			 active;

	out = token_lookup(app, req, 1, 1, &app->clients, &l);
	if (out.error != OAUTH_OK) {
		oauth_error_write(resp, &out);
		return;
	}
	snprintf(resp->log_client, sizeof(resp->log_client), "%s",
	    l.client.id);
	active = visible(&l);
	o = json_object_new_object();
	json_object_object_add(o, "active", json_object_new_boolean(active));
	if (active && l.kind == LOOKUP_ACCESS)
		describe_access(o, &l.access);
	else if (active)
		describe_refresh(o, app, &l.refresh);
	oauth_json_object_write(resp, o);
}

static const struct route routes[] = {
	{ "/oauth/introspect", ROUTE_POST, introspect_endpoint },
};

const struct router introspect_router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};
