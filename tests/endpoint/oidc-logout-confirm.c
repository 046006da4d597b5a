/*
 * RP-Initiated Logout 1.0 §2-§3 at /oauth/logout, the whole way: the
 * RP's GET with id_token_hint, post_logout_redirect_uri and state asks
 * (no logout by a bare cross-site GET), naming the user and the
 * applications of the session; the RP's POST without csrf_token goes on
 * as that GET (303); the confirmation without or with a wrong CSRF token
 * ends nothing; with the session's token the session row and its
 * oauth_session_clients rows are gone, and the browser is sent (303) to
 * the registered URI with state.
 */
#include <stdlib.h>
#include <time.h>

#include "logout-lib.h"

static struct ep	t;
static struct lo_world	lw;
static char		hint[8192];

#define STATE		"st 1&x"
#define STATE_ENC	"st%201%26x"

static long
sid_clients(void)
{
	return strtol(ep_sql(&t, "SELECT count(*) FROM oauth_session_clients "
	    "WHERE sid = $1", lw.sid, NULL), NULL, 10);
}

static void
check_get(long n0)
{
	int	status;

	status = lo_get(&t, &lw.jar, "id_token_hint=%s&"
	    "post_logout_redirect_uri=%s&state=%s&ui_locales=fr&"
	    "logout_hint=alice", hint, ac_enc(LO_BYE), ac_enc(STATE));
	ep_ok(status == 200 && ac_has(&t, "<form method=\"post\" "
	    "action=\"/oauth/logout\">") && ac_has(&t, "id=\"logout\"") &&
	    strlen(ac_field(&t, "csrf_token")) == 64 &&
	    ep_header(&t, "Location") == NULL &&
	    ep_header(&t, "Set-Cookie") == NULL,
	    "oidc-logout-get-asks: §2 GET with a hint shows the confirmation "
	    "form (POST, the session's CSRF token), no redirect, no cookie");
	ep_ok(ac_has(&t, "signed in as <strong>alice@example.com</strong>") &&
	    ac_has(&t, "<li>Web app</li>") && ac_has(&t, "<li>Single</li>") &&
	    ac_has(&t, "return to <strong>Web app</strong>") &&
	    !ac_has(&t, "id=\"other\""),
	    "oidc-logout-get-names: the page names the user, the session's "
	    "applications (oauth_session_clients) and where it returns");
	ep_is(ac_field(&t, "client_id"), lw.w.cid,
	    "oidc-logout-get-fields: hidden client_id is the hint's aud");
	ep_is(ac_field(&t, "post_logout_redirect_uri"), LO_BYE,
	    "oidc-logout-get-fields: hidden post_logout_redirect_uri");
	ep_is(ac_field(&t, "state"), STATE, "oidc-logout-get-fields: "
	    "hidden state, as sent");
	ep_ok(lo_sessions(&t) == n0 && sid_clients() == 2 && lo_alive(&t, &lw),
	    "oidc-logout-get-no-logout: after the GET the session and its "
	    "clients' rows live");
}

static void
check_rp_post(void)
{
	const char	*loc;
	int		 status;

	status = ac_post(&t, &lw.jar, "/oauth/logout", "id_token_hint=%s&"
	    "post_logout_redirect_uri=%s&state=%s", hint, ac_enc(LO_BYE),
	    ac_enc(STATE));
	loc = ep_header(&t, "Location");
	ep_ok(status == 303 && loc != NULL &&
	    strncmp(loc, "/oauth/logout?", 14) == 0 &&
	    ac_eq(ep_url_param(loc, "id_token_hint"), hint) &&
	    ac_eq(ep_url_param(loc, "post_logout_redirect_uri"), LO_BYE) &&
	    ac_eq(ep_url_param(loc, "state"), STATE) &&
	    ep_header(&t, "Set-Cookie") == NULL && lo_alive(&t, &lw),
	    "oidc-logout-rp-post: §2 the RP's POST (no csrf_token) is 303 to "
	    "the GET of its parameters, which carries the Lax cookie; "
	    "nothing ended");
}

static void
check_confirm(long n0)
{
	char		 csrf[128], form[1024];
	const char	*c;
	int		 status;

	lo_get(&t, &lw.jar, "id_token_hint=%s&post_logout_redirect_uri=%s&"
	    "state=%s", hint, ac_enc(LO_BYE), ac_enc(STATE));
	snprintf(csrf, sizeof(csrf), "%s", ac_field(&t, "csrf_token"));
	snprintf(form, sizeof(form), "client_id=%s&post_logout_redirect_uri="
	    "%s&state=%s", lw.w.cid, ac_enc(LO_BYE), ac_enc(STATE));
	status = ac_post(&t, &lw.jar, "/oauth/logout", "%s&csrf_token=%064d",
	    form, 0);
	ep_ok(status == 403 && ep_header(&t, "Location") == NULL &&
	    ep_header(&t, "Set-Cookie") == NULL && lo_sessions(&t) == n0 &&
	    lo_alive(&t, &lw), "oidc-logout-post-wrong-csrf: another CSRF "
	    "token: 403, no redirect, the session alive");
	status = ac_post(&t, &lw.jar, "/oauth/logout", "%s&csrf_token=", form);
	ep_ok(status == 303 && ac_eq(ep_url_param(ep_header(&t, "Location"),
	    "state"), STATE) && strncmp(ep_header(&t, "Location"),
	    "/oauth/logout?", 14) == 0 && lo_sessions(&t) == n0 &&
	    lo_alive(&t, &lw),
	    "oidc-logout-post-empty-csrf: an empty csrf_token is no "
	    "confirmation (the RP's request again), the session alive");
	status = ac_post(&t, &lw.jar, "/oauth/logout", "%s&csrf_token=%s",
	    form, csrf);
	ep_is(ep_header(&t, "Location"), LO_BYE "?state=" STATE_ENC,
	    "oidc-logout-post-redirects: §3 with the session's token, 303 "
	    "to the registered URI with state");
	ep_ok(status == 303 && (c = ac_set_cookie(&t, "cpassport_session")) !=
	    NULL && strncmp(c, "cpassport_session=; ", 20) == 0 &&
	    lo_sessions(&t) == n0 - 1 && sid_clients() == 0 &&
	    lo_session_clients(&t) == 0,
	    "oidc-logout-post-ends-session: cookie cleared, the session row "
	    "and its oauth_session_clients rows gone");
	ep_ok(ac_get(&t, &lw.jar, lw.w.target) == 200 &&
	    ac_has(&t, "name=\"password\""),
	    "oidc-logout-post-ends-session: the next request asks to sign in");
}

int
main(void)
{
	long	n0;

	lo_world(&t, &lw);
	snprintf(hint, sizeof(hint), "%s", lo_hint(&t, "JWT", lw.w.cid,
	    lw.w.alice, lw.sid, (long long)time(NULL) + 3600));
	n0 = lo_sessions(&t);
	ep_ok(n0 == 1 && sid_clients() == 2, "setup: alice's session and "
	    "its two clients' rows");
	check_get(n0);
	check_rp_post();
	check_confirm(n0);
	return ep_finish(&t);
}
