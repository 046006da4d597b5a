/* The userinfo endpoint; see userinfo_endpoint.h. */
#include <string.h>

#include <json-c/json.h>

#include "app/app.h"
#include "auth/access_token.h"
#include "endpoint/resource_token.h"
#include "endpoint/userinfo_endpoint.h"
#include "grant/claims.h"
#include "http/oauth_error.h"

/* A userinfo request's token must hold openid (Core §5.3.1, §3.1.2.1). */
static const struct resource_rule userinfo_rule = {
	1, "openid", "the access token lacks scope openid"
};

void
userinfo_endpoint(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app		*app = ctx;
	struct access_token	 t;
	json_object		*obj;
	enum db_status		 s;

	app_refresh(app);
	if (resource_token_accept(app, req, resp, &userinfo_rule, &t) == -1)
		return;
	/* Core §5.3.2: sub always, a string; then what the scopes release. */
	obj = json_object_new_object();
	json_object_object_add(obj, "sub", json_object_new_string(t.user_id));
	s = claims_add(req->arena, app, t.user_id, &t.scopes,
	    CLAIMS_USERINFO, obj);
	if (s != DB_OK) {
		json_object_put(obj);
		oauth_bearer_error_write(resp, oauth_db_error(s), NULL, NULL);
		return;
	}
	oauth_json_object_write(resp, obj);
}
