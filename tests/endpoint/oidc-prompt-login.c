/*
 * prompt=login (OpenID Connect Core §3.1.2.1): a signed-in user signs in
 * again.  The login form comes back with the user's e-mail filled in;
 * its POST goes straight on to the code instead of back to the request,
 * which would ask again for ever; the old session ends and a new one
 * starts: a new cookie, a new sid, the old row gone.
 */
#include "authcode-lib.h"

#define SID_OF "SELECT sid FROM oauth_sessions WHERE user_id = $1"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 q[512], target[700], sid[64], cookie[512];

	ac_world(&t, &w, NULL);
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=pl",
	    w.fp_id);
	ac_login(&t, &jar, "alice@example.com", "pw one", q);
	snprintf(sid, sizeof(sid), "%s", ep_sql(&t, SID_OF, w.alice, NULL));
	snprintf(cookie, sizeof(cookie), "%s",
	    ac_cookie(&jar, "cpassport_session"));
	snprintf(target, sizeof(target), "/oauth/authorize?%s&prompt=login",
	    q);
	ep_ok(ac_get(&t, &jar, target) == 200 && ac_has(&t, "<h1>Sign in</h1>")
	    && ac_has(&t, "value=\"alice@example.com\""),
	    "oidc-prompt-login-form: signed in, the login form again, the "
	    "e-mail filled in");
	ac_post(&t, &jar, "/oauth/authorize", "action=login&request=%s"
	    "&login_token=%s&email=alice%%40example.com&password=pw+one",
	    ac_enc(ac_field(&t, "request")),
	    ac_enc(ac_field(&t, "login_token")));
	ep_ok(t.resp.status == 302 &&
	    strlen(ac_loc_param(&t, "code")) == 43 &&
	    ac_eq(ac_loc_param(&t, "state"), "pl"),
	    "oidc-prompt-login-no-loop: the sign-in goes straight to the code");
	ep_ok(strcmp(ac_cookie(&jar, "cpassport_session"), cookie) != 0 &&
	    strcmp(ep_sql(&t, "SELECT count(*) FROM oauth_sessions WHERE "
	    "user_id = $1", w.alice, NULL), "1") == 0 &&
	    strcmp(ep_sql(&t, SID_OF, w.alice, NULL), sid) != 0,
	    "oidc-prompt-login-new-session: the old session ended, a new "
	    "cookie and sid");
	return ep_finish(&t);
}
