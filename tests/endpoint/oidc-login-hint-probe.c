/*
 * prompt=none with a login_hint (OpenID Connect Core §3.1.2.1,
 * §3.1.2.6) tells a client that the user has not consented to nothing
 * about the signed-in user: consent_required whether or not the hint
 * names them, so that a client cannot learn the user's e-mail address
 * by trying addresses.  A client the user has consented to gets
 * account_selection_required for another user's hint, as before.
 */
#include "authcode-lib.h"

/* Signed in: GET the web app's request with prompt=none and the hint. */
static const char *
none_for(struct ep *t, struct ac_world *w, struct ac_jar *jar,
    const char *hint)
{
	char	target[1024];

	snprintf(target, sizeof(target), "/oauth/authorize?%s&prompt=none"
	    "&login_hint=%s", w->q, hint);
	if (ac_get(t, jar, target) != 302 || ac_loc_param(t, "code") != NULL ||
	    !ac_eq(ac_loc_param(t, "state"), "s-123"))
		return "not an error redirect";
	return ac_loc_param(t, "error");
}

int
main(void)
{
	struct ep	t;
	struct ac_world	w;
	struct ac_jar	jar;

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ep_is(none_for(&t, &w, &jar, "bob%40example.com"), "consent_required",
	    "oidc-login-hint-probe-other: Core §3.1.2.6, no consent: "
	    "consent_required for another user's hint");
	ep_is(none_for(&t, &w, &jar, "alice%40example.com"),
	    "consent_required", "oidc-login-hint-probe-same: and for the "
	    "signed-in user's: the answer tells nothing");
	ac_code(&t, &jar, w.q);
	ep_is(none_for(&t, &w, &jar, "bob%40example.com"),
	    "account_selection_required", "oidc-login-hint-probe-consented: "
	    "consent remembered, account_selection_required");
	return ep_finish(&t);
}
