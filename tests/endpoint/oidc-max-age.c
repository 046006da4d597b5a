/*
 * max_age (OpenID Connect Core §3.1.2.1): a session authenticated longer
 * ago than max_age seconds signs in again, one within it does not;
 * max_age=0 signs in every time, and its sign-in goes on to the code
 * (no loop).  A max_age that is not plain digits, or over ten years, is
 * invalid_request.
 */
#include "authcode-lib.h"

static int
ask(struct ep *t, struct ac_world *w, struct ac_jar *jar, const char *age)
{
	return ac_fp_get(t, w, jar, "&state=ma&max_age=%s", age);
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 q[512];

	ac_world(&t, &w, NULL);
	snprintf(q, sizeof(q), "response_type=code&client_id=%s", w.fp_id);
	ac_login(&t, &jar, "alice@example.com", "pw one", q);
	ep_ok(ask(&t, &w, &jar, "3600") == 302 &&
	    strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-max-age-within: a fresh session gets the code");
	ep_ok(ask(&t, &w, &jar, "0") == 200 && ac_has(&t, "<h1>Sign in</h1>"),
	    "oidc-max-age-zero: max_age=0 signs in again");
	ac_post(&t, &jar, "/oauth/authorize", "action=login&request=%s"
	    "&login_token=%s&email=alice%%40example.com&password=pw+one",
	    ac_enc(ac_field(&t, "request")),
	    ac_enc(ac_field(&t, "login_token")));
	ep_ok(t.resp.status == 302 && strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-max-age-zero-no-loop: its sign-in goes on to the code");
	ep_sql(&t, "UPDATE oauth_sessions SET auth_time = now() - "
	    "interval '2 hours' WHERE user_id = $1", w.alice, NULL);
	ep_ok(ask(&t, &w, &jar, "3600") == 200 &&
	    ac_has(&t, "<h1>Sign in</h1>"),
	    "oidc-max-age-exceeded: authenticated 2 h ago, max_age=3600 signs "
	    "in again");
	ep_ok(ask(&t, &w, &jar, "10800") == 302 &&
	    strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-max-age-longer: max_age=10800 takes the same session");
	ep_ok(ask(&t, &w, &jar, "-1") == 302 &&
	    ac_eq(ac_loc_param(&t, "error"), "invalid_request") &&
	    ac_eq(ac_loc_param(&t, "error_description"), "malformed max_age"),
	    "oidc-max-age-malformed: -1 is invalid_request");
	ep_ok(ask(&t, &w, &jar, "315360001") == 302 &&
	    ac_eq(ac_loc_param(&t, "error"), "invalid_request"),
	    "oidc-max-age-bounded: over ten years is invalid_request");
	return ep_finish(&t);
}
