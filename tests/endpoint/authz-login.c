/*
 * Signing in through the login form: 303 back to the request with an
 * HttpOnly SameSite=Lax session cookie, and the session stored under a
 * hash of the cookie, never the cookie itself: a read of the table
 * signs no one in.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	const char		*c, *sid;
	char			 stored[512];

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	c = ac_set_cookie(&t, "cpassport_session");
	ep_ok(t.resp.status == 303 && c != NULL && strstr(c, "HttpOnly") &&
	    strstr(c, "SameSite=Lax"), "authz-login: 303 back with an "
	    "HttpOnly SameSite=Lax session cookie");
	sid = ac_cookie(&jar, "cpassport_session");
	snprintf(stored, sizeof(stored), "%s", ep_sql(&t,
	    "SELECT encode(id, 'escape') FROM oauth_sessions", NULL));
	ep_ok(strcmp(ep_sql(&t, "SELECT count(*) FROM oauth_sessions",
	    NULL), "1") == 0 && sid != NULL && *sid &&
	    strstr(stored, sid) == NULL,
	    "authz-session-stored-hashed: one session row, keyed by a hash");
	return ep_finish(&t);
}
