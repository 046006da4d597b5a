/*
 * login_hint (OpenID Connect Core §3.1.2.1) fills in the login form's
 * e-mail, escaped; a hint that is not an e-mail address is not used.
 * The hint is only a hint: signing in as another user works.
 */
#include "authcode-lib.h"

static void
form_for(struct ep *t, struct ac_world *w, const char *hint)
{
	char	target[1024];

	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&state=lh&login_hint=%s", w->fp_id, hint);
	ac_get(t, NULL, target);
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;

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
	return ep_finish(&t);
}
