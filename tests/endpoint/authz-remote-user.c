/*
 * The authorization endpoint with trust_remote_user: the web server
 * authenticated the user (REMOTE_USER with an AUTH_TYPE, RFC 3875
 * §4.1.1), so no login form: without one a 403 page; with one a session
 * starts (303) and the next request goes straight to the consent screen;
 * an unknown user is refused (403).
 */
#include "callback-lib.h"

static int
authz(struct ep *t, const char *query, const char *user, const char *cookie)
{
	char	uri[512];

	snprintf(uri, sizeof(uri), "/oauth/authorize?%s", query);
	return ep_call(t, EP_AUTHORIZE, &(struct ep_req){ .method = "GET",
	    .uri = uri, .query = query, .remote_user = user,
	    .cookie = cookie });
}

int
main(void)
{
	struct ep	 t;
	struct cb_world	 w;
	char		 q[256], cookie[512];
	const char	*v;

	ep_start(&t, CB_CONFIG "\ntrust_remote_user = true");
	cb_world(&t, &w);
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=r1",
	    w.cid);
	authz(&t, q, NULL, NULL);
	ep_ok(t.resp.status == 403 && !cb_has(t.body, "name=\"password\""),
	    "authz-remote-user-missing: without REMOTE_USER a 403 page, no "
	    "login form");
	authz(&t, q, "c@example.com", NULL);
	v = cb_cookie(&t, "cpassport_session");
	snprintf(cookie, sizeof(cookie), "cpassport_session=%s", v ? v : "");
	ep_ok(t.resp.status == 303 && v != NULL && *v != '\0',
	    "authz-remote-user: REMOTE_USER starts a session");
	authz(&t, q, "c@example.com", cookie);
	ep_ok(t.resp.status == 200 && cb_has(t.body, "id=\"approve\"") &&
	    !cb_has(t.body, "name=\"password\""), "authz-remote-user-consent: "
	    "straight to the consent screen");
	ep_is_int(authz(&t, q, "nobody@example.com", NULL), 403,
	    "authz-remote-user-unknown: an unknown REMOTE_USER is refused");
	return ep_finish(&t);
}
