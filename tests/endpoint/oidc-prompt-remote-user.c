/*
 * Under trust_remote_user the web server, not the login form, signs
 * users in, so a request that asks for a sign-in again (prompt=login,
 * max_age=0; OpenID Connect Core §3.1.2.1) cannot be honoured: it is
 * login_required (§3.1.2.6), never the login form, as is prompt=none
 * without REMOTE_USER (no 403 page).  A request within max_age goes on
 * to the consent screen as ever.
 */
#include "callback-lib.h"

static int
authz(struct ep *t, const char *query, const char *cookie)
{
	char	uri[512];

	snprintf(uri, sizeof(uri), "/oauth/authorize?%s", query);
	return ep_call(t, EP_AUTHORIZE, &(struct ep_req){ .method = "GET",
	    .uri = uri, .query = query, .remote_user = "c@example.com",
	    .cookie = cookie });
}

static int
login_required(const struct ep *t)
{
	const char	*loc = ep_header(t, "Location");

	return t->resp.status == 302 && loc != NULL &&
	    strstr(loc, "error=login_required") != NULL &&
	    strstr(loc, "state=r2") != NULL &&
	    !cb_has(t->body, "name=\"password\"");
}

int
main(void)
{
	struct ep	 t;
	struct cb_world	 w;
	char		 q[256], uri[512], cookie[512];
	const char	*v;

	ep_start(&t, CB_CONFIG "\ntrust_remote_user = true");
	cb_world(&t, &w);
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=r2"
	    "&prompt=none", w.cid);
	snprintf(uri, sizeof(uri), "/oauth/authorize?%s", q);
	ep_call(&t, EP_AUTHORIZE, &(struct ep_req){ .method = "GET",
	    .uri = uri, .query = q });
	ep_ok(login_required(&t), "oidc-prompt-none-remote-user: no "
	    "REMOTE_USER, login_required, no page");
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=r2",
	    w.cid);
	authz(&t, q, NULL);
	v = cb_cookie(&t, "cpassport_session");
	snprintf(cookie, sizeof(cookie), "cpassport_session=%s", v ? v : "");
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=r2"
	    "&prompt=login", w.cid);
	authz(&t, q, cookie);
	ep_ok(login_required(&t), "oidc-prompt-login-remote-user: "
	    "login_required, no login form");
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=r2"
	    "&max_age=0", w.cid);
	authz(&t, q, cookie);
	ep_ok(login_required(&t), "oidc-max-age-remote-user: max_age=0 is "
	    "login_required");
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=r2"
	    "&max_age=3600", w.cid);
	ep_ok(authz(&t, q, cookie) == 200 && cb_has(t.body, "id=\"approve\""),
	    "oidc-max-age-remote-user-within: the consent screen");
	return ep_finish(&t);
}
