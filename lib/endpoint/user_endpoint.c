/* GET /api/user; see user_endpoint.h. */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "app/app.h"
#include "auth/access_token.h"
#include "endpoint/resource_token.h"
#include "endpoint/user_endpoint.h"
#include "endpoint/userinfo_endpoint.h"
#include "http/oauth_error.h"
#include "http/route.h"

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

void
user_endpoint(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app		*app = ctx;
	struct access_token	 t;
	struct resource_rule	 rule = { 0, app->cfg.user_endpoint_scope,
	    "the access token lacks the required scope" };

	app_refresh(app);
	if (resource_token_accept(app, req, resp, &rule, &t) == 0)
		write_user(resp, &t);
}

static const struct route routes[] = {
	{ "/api/user", ROUTE_GET | ROUTE_HEAD, user_endpoint },
	{ "/oauth/userinfo", ROUTE_GET | ROUTE_HEAD | ROUTE_POST,
	    userinfo_endpoint },
};

const struct router user_router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};
