/*
 * prompt=select_account (OpenID Connect Core §3.1.2.1): a signed-in
 * user chooses: "Continue as" the session's user (a POST with the
 * session's CSRF token) goes on to the code; "Use another account" shows
 * the login form, whose sign-in as another user goes straight on to
 * that user's code, the first session ended.  A "continue" without the
 * session's CSRF token is refused.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 q[512], target[700], code[64];

	ac_world(&t, &w, NULL);
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=sa",
	    w.fp_id);
	ac_login(&t, &jar, "alice@example.com", "pw one", q);
	snprintf(target, sizeof(target),
	    "/oauth/authorize?%s&prompt=select_account", q);
	ep_ok(ac_get(&t, &jar, target) == 200 &&
	    ac_has(&t, "<title>Choose an account</title>") &&
	    ac_has(&t, "value=\"continue\"") &&
	    ac_has(&t, "Continue as alice@example.com</button>") &&
	    ac_has(&t, "value=\"switch\"") &&
	    ac_has(&t, "name=\"csrf_token\""),
	    "oidc-prompt-select-account-page: continue as the user, or another");
	ac_post(&t, &jar, "/oauth/authorize", "action=continue&request=%s"
	    "&csrf_token=%064d", ac_enc(ac_field(&t, "request")), 0);
	ep_is_int(t.resp.status, 403,
	    "oidc-prompt-select-account-csrf: continue needs the CSRF token");
	ac_get(&t, &jar, target);
	ac_post(&t, &jar, "/oauth/authorize", "action=continue&request=%s"
	    "&csrf_token=%s", ac_enc(ac_field(&t, "request")),
	    ac_enc(ac_field(&t, "csrf_token")));
	ep_ok(t.resp.status == 302 && strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-prompt-select-account-continue: the code");
	ac_get(&t, &jar, target);
	ac_post(&t, &jar, "/oauth/authorize", "action=switch&request=%s",
	    ac_enc(ac_field(&t, "request")));
	ep_ok(t.resp.status == 200 && ac_has(&t, "<h1>Sign in</h1>") &&
	    ac_has(&t, "name=\"email\" value=\"\""),
	    "oidc-prompt-select-account-switch: the login form, empty");
	ac_post(&t, &jar, "/oauth/authorize", "action=login&request=%s"
	    "&login_token=%s&email=bob%%40example.com&password=pw+two",
	    ac_enc(ac_field(&t, "request")),
	    ac_enc(ac_field(&t, "login_token")));
	snprintf(code, sizeof(code), "%s", ac_loc_param(&t, "code") ?
	    ac_loc_param(&t, "code") : "");
	ep_ok(t.resp.status == 302 && strlen(code) == 43 &&
	    strcmp(ep_sql(&t, "SELECT user_id FROM oauth_auth_codes WHERE "
	    "id = sha256(convert_to($1, 'UTF8'))", code, NULL),
	    w.bob) == 0,
	    "oidc-prompt-select-account-other: signed in as bob, bob's code");
	ep_is(ep_sql(&t, "SELECT count(*) FROM oauth_sessions WHERE "
	    "user_id = $1", w.alice, NULL), "0",
	    "oidc-prompt-select-account-other: alice's session ended");
	return ep_finish(&t);
}
