/*
 * Under trust_remote_user, prompt=none (OpenID Connect Core §3.1.2.1:
 * "The Authorization Server MUST NOT display any authentication or
 * consent user interface pages") with a REMOTE_USER that is no user of
 * ours, or a revoked one, is login_required back to the client
 * (§3.1.2.6), not the 403 page; without prompt=none that page stays.
 */
#include "callback-lib.h"

static int
authz(struct ep *t, const char *query, const char *remote_user)
{
	char	uri[512];

	snprintf(uri, sizeof(uri), "/oauth/authorize?%s", query);
	return ep_call(t, EP_AUTHORIZE, &(struct ep_req){ .method = "GET",
	    .uri = uri, .query = query, .remote_user = remote_user });
}

static int
login_required(const struct ep *t)
{
	const char	*loc = ep_header(t, "Location");

	return t->resp.status == 302 && loc != NULL &&
	    strncmp(loc, CB_ISSUER "/callback?", strlen(CB_ISSUER "/callback?")) == 0 &&
	    strstr(loc, "error=login_required") != NULL &&
	    strstr(loc, "state=u1") != NULL && strstr(loc, "code=") == NULL;
}

int
main(void)
{
	struct ep	t;
	struct cb_world	w;
	char		q[256];

	ep_start(&t, CB_CONFIG "\ntrust_remote_user = true");
	cb_world(&t, &w);
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=u1"
	    "&prompt=none", w.cid);
	authz(&t, q, "nobody@example.com");
	ep_ok(login_required(&t), "oidc-prompt-none-remote-unknown: Core "
	    "§3.1.2.1, an unknown REMOTE_USER with prompt=none is "
	    "login_required, no page");
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=u1",
	    w.cid);
	ep_ok(authz(&t, q, "nobody@example.com") == 403 &&
	    ep_header(&t, "Location") == NULL,
	    "oidc-prompt-remote-unknown-page: without prompt=none, the 403 "
	    "page");
	return ep_finish(&t);
}
