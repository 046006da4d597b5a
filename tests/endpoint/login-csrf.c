/*
 * Login CSRF (RFC 6749 §10.12): the login form's login_token must equal
 * its cookie (HttpOnly, SameSite=Lax), which a cross-site POST does not
 * carry; without the cookie, with another token or with none the right
 * password gets 403 and no session.
 */
#include "authcode-lib.h"

static const char *
sessions(struct ep *t)
{
	return ep_sql(t, "SELECT count(*) FROM oauth_sessions", NULL);
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 req[1024], token[128], other[128], pat[256];
	const char		*c;

	ac_world(&t, &w, NULL);
	ac_jar_clear(&jar);
	ac_get(&t, &jar, w.target);
	snprintf(req, sizeof(req), "%s", ac_field(&t, "request"));
	snprintf(token, sizeof(token), "%s", ac_field(&t, "login_token"));
	c = ac_set_cookie(&t, "cpassport_login");
	snprintf(pat, sizeof(pat), "cpassport_login=%s; ", token);
	ep_ok(strlen(token) == 43 && c != NULL &&
	    strncmp(c, pat, strlen(pat)) == 0 && strstr(c, "HttpOnly") &&
	    strstr(c, "SameSite=Lax"), "login-csrf-cookie: the form's "
	    "login_token is also an HttpOnly SameSite=Lax cookie");

	ac_post(&t, NULL, "/oauth/authorize", "action=login&request=%s"
	    "&login_token=%s&email=alice%%40example.com&password=pw+one",
	    ac_enc(req), ac_enc(token));
	ep_ok(t.resp.status == 403 && ac_has(&t, "did not come from this site")
	    && strcmp(sessions(&t), "0") == 0, "login-csrf-no-cookie: right "
	    "password, token without its cookie (a forged form): 403, "
	    "no session");

	snprintf(other, sizeof(other), "%s", token);
	other[42] = other[42] == 'A' ? 'B' : 'A';
	ac_post(&t, &jar, "/oauth/authorize", "action=login&request=%s"
	    "&login_token=%s&email=alice%%40example.com&password=pw+one",
	    ac_enc(req), ac_enc(other));
	ep_ok(t.resp.status == 403 && strcmp(sessions(&t), "0") == 0 &&
	    strcmp(ac_field(&t, "login_token"), token) == 0,
	    "login-csrf-wrong-token: cookie with another token: 403, no "
	    "session, the form again with the cookie's token");

	ep_is_int(ac_post(&t, &jar, "/oauth/authorize", "action=login"
	    "&request=%s&email=alice%%40example.com&password=pw+one",
	    ac_enc(req)), 403, "login-csrf-missing-token: no login_token: 403");
	return ep_finish(&t);
}
