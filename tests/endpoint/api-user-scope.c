/*
 * /api/user with a token lacking the configured user_endpoint_scope:
 * 403 insufficient_scope naming the required scope (RFC 6750 §3.1).
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep	 t;
	struct rl_ann	 a;
	const char	*www;

	ep_start(&t, RL_ANN_CONFIG);
	rl_ann_world(&t, &a);
	rl_user(&t, rl_ann_token(&t, &a, "other"));
	www = ep_header(&t, "WWW-Authenticate");
	ep_ok(t.resp.status == 403 && www != NULL &&
	    strstr(www, "error=\"insufficient_scope\", ") != NULL &&
	    strstr(www, "scope=\"profile\"") != NULL,
	    "api-user-insufficient-scope: 403 naming the required scope");
	return ep_finish(&t);
}
