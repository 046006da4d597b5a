/*
 * /oauth/logout: a GET is safe (RFC 9110 §9.2.1), so another site's <img>
 * ends nothing; it shows a confirmation form whose POST must carry the
 * session's CSRF token (RFC 9700 §4.7); with it the session ends.  A
 * POST without the token asks again, through the GET.
 * Without a session both say you are not signed in.
 */
#include "authcode-lib.h"

static struct ep	t;
static struct ac_jar	jar;
static char		target[600];

static const char *
sessions(void)
{
	static char	n[32];

	snprintf(n, sizeof(n), "%s", ep_sql(&t,
	    "SELECT count(*) FROM oauth_sessions", NULL));
	return n;
}

/* The session still serves: the consent page. */
static int
alive(void)
{
	return ac_get(&t, &jar, target) == 200 && ac_has(&t, "id=\"approve\"");
}

static int
is_hex64(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdef") == 64;
}

int
main(void)
{
	struct ac_world		 w;
	char			 csrf[128], n0[32], n1[32], zero[80];
	const char		*c;
	int			 status;

	ac_world(&t, &w, NULL);
	snprintf(target, sizeof(target), "%s", w.target);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(n0, sizeof(n0), "%s", sessions());
	status = ac_get(&t, &jar, "/oauth/logout");
	snprintf(csrf, sizeof(csrf), "%s", ac_field(&t, "csrf_token"));
	ep_ok(status == 200 && ac_has(&t, "<form method=\"post\" "
	    "action=\"/oauth/logout\">") && is_hex64(csrf) &&
	    ac_has(&t, "id=\"logout\"") && ac_has(&t, "alice@example.com") &&
	    ep_header(&t, "Set-Cookie") == NULL,
	    "logout-get-asks: GET /oauth/logout shows a confirmation form "
	    "(POST, the session's CSRF token), no cookie touched");
	ep_ok(alive() && strcmp(sessions(), n0) == 0,
	    "logout-get-session-alive: after the GET the session is alive "
	    "(consent page, its row kept)");
	status = ac_post(&t, &jar, "/oauth/logout", "x=1");
	ep_ok(status == 303 && ac_eq(ep_header(&t, "Location"),
	    "/oauth/logout") && strcmp(sessions(), n0) == 0 &&
	    ep_header(&t, "Set-Cookie") == NULL && alive(),
	    "logout-post-no-token: POST without the CSRF token is an RP's "
	    "request (RP-Initiated Logout §2): 303 to the GET, the session "
	    "alive");
	snprintf(zero, sizeof(zero), "csrf_token=%064d", 0);
	status = ac_post(&t, &jar, "/oauth/logout", "%s", zero);
	ep_ok(status == 403 && strcmp(sessions(), n0) == 0 &&
	    ep_header(&t, "Set-Cookie") == NULL && alive(),
	    "logout-post-wrong-token: POST with another token: 403, "
	    "the session alive");
	status = ac_post(&t, &jar, "/oauth/logout", "csrf_token=%s", csrf);
	snprintf(n1, sizeof(n1), "%ld", strtol(n0, NULL, 10) - 1);
	ep_ok(status == 200 && ac_has(&t, "<h1>Signed out</h1>") &&
	    (c = ac_set_cookie(&t, "cpassport_session")) != NULL &&
	    strncmp(c, "cpassport_session=; ", 20) == 0 &&
	    strstr(c, "Max-Age=0") != NULL &&
	    strcmp(sessions(), n1) == 0 &&
	    ac_get(&t, &jar, target) == 200 && ac_has(&t, "name=\"password\""),
	    "logout-post-token: POST with the session's token ends it: "
	    "Signed out, cookie cleared, row deleted");
	ac_jar_clear(&jar);
	status = ac_get(&t, &jar, "/oauth/logout");
	ep_ok(status == 200 && ac_post(&t, &jar, "/oauth/logout",
	    "csrf_token=%s", csrf) == 200 &&
	    ac_has(&t, "<h1>Not signed in</h1>") && !ac_has(&t, "<form"),
	    "logout-no-session: without a session, GET and POST say you are "
	    "not signed in (200)");
	return ep_finish(&t);
}
