/*
 * Under trust_remote_user, a REMOTE_USER other than the session's user
 * starts a new session, and the old one ends with it (no session
 * fixation; Core §2: a new sid and auth_time): a new cookie, and the old
 * row gone, as a sign-in at the login form does.
 */
#include "callback-lib.h"

static int
authz(struct ep *t, const char *query, const char *remote_user,
    const char *cookie)
{
	char	uri[512];

	snprintf(uri, sizeof(uri), "/oauth/authorize?%s", query);
	return ep_call(t, EP_AUTHORIZE, &(struct ep_req){ .method = "GET",
	    .uri = uri, .query = query, .remote_user = remote_user,
	    .cookie = cookie });
}

int
main(void)
{
	struct ep	 t;
	struct cb_world	 w;
	char		 q[256], cookie[600], first[512];
	char		 cy[64], dee[64];
	const char	*v;

	ep_start(&t, CB_CONFIG "\ntrust_remote_user = true");
	cb_world(&t, &w);
	snprintf(dee, sizeof(dee), "%s", ep_user(&t, "d@example.com", "read",
	    "pw d"));
	snprintf(cy, sizeof(cy), "%s", ep_sql(&t, "SELECT id FROM users "
	    "WHERE email = 'c@example.com'", NULL));
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=rr",
	    w.cid);
	authz(&t, q, "c@example.com", NULL);
	v = cb_cookie(&t, "cpassport_session");
	snprintf(first, sizeof(first), "%s", v ? v : "");
	snprintf(cookie, sizeof(cookie), "cpassport_session=%s", first);
	ep_is(ep_sql(&t, "SELECT count(*) FROM oauth_sessions WHERE "
	    "user_id = $1", cy, NULL), "1",
	    "oidc-remote-user-session: Cy's session");
	authz(&t, q, "d@example.com", cookie);
	v = cb_cookie(&t, "cpassport_session");
	ep_ok(t.resp.status == 303 && v != NULL && *v != '\0' &&
	    strcmp(v, first) != 0,
	    "oidc-remote-user-renew-cookie: another REMOTE_USER, a new cookie");
	ep_is(ep_sql(&t, "SELECT count(*) FROM oauth_sessions WHERE "
	    "user_id = $1", cy, NULL), "0",
	    "oidc-remote-user-renew-old-gone: Core §2, the old "
	    "session's row is gone");
	ep_is(ep_sql(&t, "SELECT count(*) FROM oauth_sessions WHERE "
	    "user_id = $1", dee, NULL), "1",
	    "oidc-remote-user-renew-new: Dee's session");
	return ep_finish(&t);
}
