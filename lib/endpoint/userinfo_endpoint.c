/* The userinfo endpoint; see userinfo_endpoint.h. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "app/app.h"
#include "auth/access_token.h"
#include "endpoint/resource_token.h"
#include "endpoint/userinfo_endpoint.h"
#include "grant/claims.h"
#include "http/oauth_error.h"

/* The scope a userinfo request must hold (Core §5.3.1, §3.1.2.1). */
#define USERINFO_SCOPE	"openid"

static struct oauth_outcome
check(struct app *app, const struct http_request *req,
    struct access_token *t)
{
	struct oauth_outcome	 o;
	const char		*tok;
	size_t			 len;

	if ((o = resource_token_find(app, req, 1, &tok, &len)).error !=
	    OAUTH_OK || (o = resource_token_check(req->arena, app, tok, len,
	    t)).error != OAUTH_OK)
		return o;
	/* RFC 6750 §3.1: a token without scope openid: 403. */
	if (!scope_allows(&t->scopes, USERINFO_SCOPE))
		return OAUTH_OUTCOME(OAUTH_INSUFFICIENT_SCOPE,
		    "the access token lacks scope openid");
	return OAUTH_OUTCOME(OAUTH_OK, NULL);
}

void
userinfo_endpoint(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app		*app = ctx;
	struct access_token	 t;
	struct oauth_outcome	 o;
	json_object		*obj;
	enum db_status		 s;

	memset(&t, 0, sizeof(t));
	app_refresh(app);
	if ((o = check(app, req, &t)).error != OAUTH_OK) {
		oauth_bearer_error_write(resp, o.error, o.desc,
		    o.error == OAUTH_INSUFFICIENT_SCOPE ? USERINFO_SCOPE :
		    NULL);
		return;
	}
	snprintf(resp->log_client, sizeof(resp->log_client), "%s",
	    t.client_id);
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
