/*
 * max_age (OpenID Connect Core §3.1.2.1) is judged again when the user
 * answers the consent or account page: one whose sign-in grew older
 * than max_age while the page was open signs in again (the e-mail
 * filled in), and that sign-in goes on to the code; with prompt=none,
 * login_required (§3.1.2.6).  Within max_age, approve gives the code.
 */
#include "authcode-lib.h"

/* The web app's request with max_age=3600 and more, into target. */
static const char *
aged(const struct ac_world *w, const char *more)
{
	static char	target[1024];

	snprintf(target, sizeof(target), "%s&max_age=3600%s", w->target, more);
	return target;
}

/* alice's session signed in two hours ago. */
static void
age_session(struct ep *t, const struct ac_world *w)
{
	ep_sql(t, "UPDATE oauth_sessions SET auth_time = now() - "
	    "interval '2 hours' WHERE user_id = $1", w->alice, NULL);
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 csrf[256];

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ep_ok(ac_get(&t, &jar, aged(&w, "&prompt=consent")) == 200 &&
	    ac_consent(&t, &jar, "approve") == 302 &&
	    strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-max-age-at-approve-within: Core §3.1.2.1, approved within "
	    "max_age, the code");

	ep_ok(ac_get(&t, &jar, aged(&w, "&prompt=consent")) == 200 &&
	    ac_has(&t, "name=\"csrf_token\""), "setup: the consent page");
	age_session(&t, &w);
	ep_ok(ac_consent(&t, &jar, "approve") == 200 &&
	    ac_has(&t, "<h1>Sign in</h1>") &&
	    ac_has(&t, "value=\"alice@example.com\"") &&
	    ac_loc_param(&t, "code") == NULL,
	    "oidc-max-age-at-approve-exceeded: Core §3.1.2.1, signed in 2 h "
	    "ago, approve with max_age=3600 signs in again");
	ac_post(&t, &jar, "/oauth/authorize", "action=login&request=%s"
	    "&login_token=%s&email=alice%%40example.com&password=pw+one",
	    ac_enc(ac_field(&t, "request")),
	    ac_enc(ac_field(&t, "login_token")));
	ep_ok(t.resp.status == 200 && ac_consent(&t, &jar, "approve") == 302 &&
	    strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-max-age-at-approve-signed-in: the new sign-in goes on to "
	    "consent and the code");

	ep_ok(ac_get(&t, &jar, aged(&w, "&prompt=select_account")) == 200 &&
	    ac_has(&t, "value=\"continue\""), "setup: the account page");
	age_session(&t, &w);
	ep_ok(ac_consent(&t, &jar, "continue") == 200 &&
	    ac_has(&t, "<h1>Sign in</h1>"),
	    "oidc-max-age-at-continue: Core §3.1.2.1, continue on the "
	    "account page signs in again too");

	/* A consent form never comes with prompt=none: a forged answer. */
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ep_ok(ac_get(&t, &jar, aged(&w, "&prompt=consent")) == 200,
	    "setup: the consent page again");
	snprintf(csrf, sizeof(csrf), "%s", ac_field(&t, "csrf_token"));
	age_session(&t, &w);
	ac_post(&t, &jar, "/oauth/authorize", "action=approve&request=%s"
	    "&csrf_token=%s", ac_enc(aged(&w, "&prompt=none") +
	    strlen("/oauth/authorize?")), ac_enc(csrf));
	ep_ok(t.resp.status == 302 &&
	    ac_eq(ac_loc_param(&t, "error"), "login_required") &&
	    ac_loc_param(&t, "code") == NULL,
	    "oidc-max-age-at-approve-none: Core §3.1.2.6, with prompt=none "
	    "login_required");
	return ep_finish(&t);
}
