/*
 * RP-Initiated Logout 1.0 §3: the browser returns only to a
 * post_logout_redirect_uri registered, exactly, for the client that
 * client_id names.  An unregistered URI, another client's, one that is
 * a prefix or an extension of a registered one, a redirect URI that is
 * not a post-logout one, and a URI without a client are never
 * redirected to (a 400 page, nothing ended), on the GET nor on a
 * confirmation whose hidden fields were changed.  Without a session
 * there is nothing to end: a valid request is sent straight back (303),
 * any other shows "Not signed in".
 */
#include "logout-lib.h"

static struct ep	t;
static struct lo_world	lw;

static void
check_refused(void)
{
	static const char	*bad[] = {
		"https://app.example/elsewhere", LO_SINGLE_BYE,
		LO_BYE "/x", "https://app.example/by", LO_BYE "?", AC_CB,
		"https://APP.example/bye",
	};
	size_t			 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ep_ok(lo_refused(&t, lo_get(&t, &lw.jar, "client_id=%s&"
		    "post_logout_redirect_uri=%s&state=s", lw.w.cid,
		    ac_enc(bad[i])), "is not registered for the application"),
		    "oidc-logout-unregistered-uri: §3 %s is not the web app's "
		    "(exact match): 400, no redirect", bad[i]);
	ep_ok(lo_refused(&t, lo_get(&t, &lw.jar, "post_logout_redirect_uri=%s",
	    ac_enc(LO_BYE)), "is not registered for the application"),
	    "oidc-logout-uri-without-client: §3 a URI with neither client_id "
	    "nor id_token_hint: 400, no redirect");
	ep_ok(lo_refused(&t, lo_get(&t, NULL, "post_logout_redirect_uri=%s",
	    ac_enc(LO_BYE)), "is not registered for the application"),
	    "oidc-logout-uri-without-client: nor without a session");
	ep_ok(lo_get(&t, &lw.jar, "client_id=%s&post_logout_redirect_uri=%s",
	    "0b7d3c5e-8f1a-4c2b-9d6e-1a2b3c4d5e6f", ac_enc(LO_BYE)) == 404 &&
	    ep_header(&t, "Location") == NULL && ac_has(&t, "No such client"),
	    "oidc-logout-unknown-client: an unknown client_id: 404, no "
	    "redirect");
	ep_ok(lo_get(&t, &lw.jar, "client_id=x&client_id=y") == 400 &&
	    ep_header(&t, "Location") == NULL,
	    "oidc-logout-malformed: a parameter twice: 400");
	ep_ok(lo_alive(&t, &lw),
	    "oidc-logout-unregistered-uri: the session alive");
}

static void
check_forged_confirm(void)
{
	char	csrf[128];
	int	status;

	lo_get(&t, &lw.jar, "client_id=%s&post_logout_redirect_uri=%s",
	    lw.w.cid, ac_enc(LO_BYE));
	snprintf(csrf, sizeof(csrf), "%s", ac_field(&t, "csrf_token"));
	status = ac_post(&t, &lw.jar, "/oauth/logout", "csrf_token=%s&"
	    "client_id=%s&post_logout_redirect_uri=%s", csrf, lw.w.cid,
	    ac_enc("https://evil.example/"));
	ep_ok(lo_refused(&t, status, "is not registered for the application") &&
	    lo_alive(&t, &lw), "oidc-logout-post-rechecks-uri: a "
	    "confirmation whose URI was changed: 400, no redirect, the "
	    "session alive");
}

static void
check_registered(void)
{
	char	csrf[128];
	int	status;

	status = lo_get(&t, &lw.jar, "client_id=%s&post_logout_redirect_uri=%s"
	    "&state=s2", lw.w.cid, ac_enc(LO_BYE_Q));
	snprintf(csrf, sizeof(csrf), "%s", ac_field(&t, "csrf_token"));
	ep_ok(status == 200 && strlen(csrf) == 64 &&
	    ac_eq(ac_field(&t, "post_logout_redirect_uri"), LO_BYE_Q),
	    "oidc-logout-client-id: client_id alone names the client whose "
	    "URI it is: the confirmation");
	status = ac_post(&t, &lw.jar, "/oauth/logout", "csrf_token=%s&"
	    "client_id=%s&post_logout_redirect_uri=%s&state=s2", csrf,
	    lw.w.cid, ac_enc(LO_BYE_Q));
	ep_ok(status == 303 && ac_eq(ep_header(&t, "Location"),
	    LO_BYE_Q "&state=s2") && lo_sessions(&t) == 0,
	    "oidc-logout-registered-query: a registered URI with a query "
	    "keeps it, state appended; the session ended");
}

static void
check_no_session(void)
{
	int	status;

	status = lo_get(&t, NULL, "client_id=%s&post_logout_redirect_uri=%s"
	    "&state=s3", lw.w.single_id, ac_enc(LO_SINGLE_BYE));
	ep_ok(status == 303 && ac_eq(ep_header(&t, "Location"),
	    LO_SINGLE_BYE "?state=s3"), "oidc-logout-no-session-redirects: "
	    "§3 no session, nothing to end: 303 straight to the registered "
	    "URI with state");
	status = lo_get(&t, NULL, "client_id=%s", lw.w.cid);
	ep_ok(status == 200 && ep_header(&t, "Location") == NULL &&
	    ac_has(&t, "<h1>Not signed in</h1>"),
	    "oidc-logout-no-session-plain: no session and no URI: the "
	    "\"Not signed in\" page");
	status = lo_get(&t, &lw.jar, "client_id=%s&post_logout_redirect_uri=%s",
	    lw.w.cid, ac_enc(LO_BYE));
	ep_ok(status == 303 && ac_eq(ep_header(&t, "Location"), LO_BYE),
	    "oidc-logout-no-session-redirects: after the sign-out, the "
	    "ended session's cookie counts as none; no state, none added");
}

int
main(void)
{
	lo_world(&t, &lw);
	check_refused();
	check_forged_confirm();
	check_registered();
	check_no_session();
	return ep_finish(&t);
}
