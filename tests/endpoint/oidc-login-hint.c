/*
 * login_hint (OpenID Connect Core §3.1.2.1) fills in the login form's
 * e-mail, escaped; a hint that is not an e-mail address is not used.
 * A signed-in user whom the hint does not name (e-mail compared without
 * case) chooses the account, and with prompt=none the answer is
 * account_selection_required (§3.1.2.6); "Use another account" shows
 * the login form with the hint filled in.
 */
#include "authcode-lib.h"

static void
form_for(struct ep *t, struct ac_world *w, const char *hint)
{
	ac_fp_get(t, w, NULL, "&state=lh&login_hint=%s", hint);
}

/* Signed in: GET the first-party request with the hint and more. */
static int
signed_in_for(struct ep *t, struct ac_world *w, struct ac_jar *jar,
    const char *hint, const char *more)
{
	return ac_fp_get(t, w, jar, "&state=lh&login_hint=%s%s", hint, more);
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;

	ac_world(&t, &w, NULL);
	form_for(&t, &w, "bob%40example.com");
	ep_ok(t.resp.status == 200 &&
	    ac_has(&t, "name=\"email\" value=\"bob@example.com\""),
	    "oidc-login-hint: the e-mail filled in");
	form_for(&t, &w, "%22%3E%3Cb%3Ex%40example.com");
	ep_ok(t.resp.status == 200 &&
	    ac_has(&t, "value=\"&quot;&gt;&lt;b&gt;x@example.com\"") &&
	    !ac_has(&t, "<b>x"),
	    "oidc-login-hint-escaped: shown only escaped");
	form_for(&t, &w, "not%20an%20address");
	ep_ok(t.resp.status == 200 && ac_has(&t, "name=\"email\" value=\"\""),
	    "oidc-login-hint-not-email: not used");
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ep_ok(signed_in_for(&t, &w, &jar, "ALICE%40Example.com", "") == 302 &&
	    strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-login-hint-same-user: the signed-in user, any case: the code");
	ep_ok(signed_in_for(&t, &w, &jar, "bob%40example.com",
	    "&prompt=none") == 302 && ac_eq(ac_loc_param(&t, "error"),
	    "account_selection_required") && ac_loc_param(&t, "code") == NULL,
	    "oidc-login-hint-other-user-none: account_selection_required "
	    "(Core §3.1.2.6)");
	ep_ok(signed_in_for(&t, &w, &jar, "bob%40example.com", "") == 200 &&
	    ac_has(&t, "Continue as alice@example.com</button>"),
	    "oidc-login-hint-other-user: the account choice");
	ac_post(&t, &jar, "/oauth/authorize", "action=switch&request=%s",
	    ac_enc(ac_field(&t, "request")));
	ep_ok(t.resp.status == 200 &&
	    ac_has(&t, "name=\"email\" value=\"bob@example.com\""),
	    "oidc-login-hint-switch: the login form, the hint filled in");
	return ep_finish(&t);
}
