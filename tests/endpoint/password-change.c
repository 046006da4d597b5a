/*
 * A password change is a security event that revokes refresh tokens (RFC
 * 9700 §4.14.2): admin_user_passwd() (`cpassport user passwd`) ends the
 * user's session, unused code, access and refresh tokens, keeps personal
 * access tokens and other users' tokens, and the old password no longer
 * works.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_pworld	 w;
	char			 other_at[4096], at[4096], rt[512], err[256];
	char			 got[128];

	ac_pworld(&t, &w);
	ac_everywhere(&t, &w, "old pw");
	ep_ok(ac_session_alive(&t, &w) && ac_api_user(&t, w.at) == 200 &&
	    ac_api_user(&t, w.pat) == 200 &&
	    ac_eq(ac_introspect_active(&t, &w, w.at), "true") && *w.code &&
	    *w.rt, "password-change-setup: a session, a code, access, "
	    "refresh and personal tokens are live");
	snprintf(at, sizeof(at), "%s", w.at);
	snprintf(rt, sizeof(rt), "%s", w.rt);
	ac_grant(&t, &w, "o@example.com", "other pw");
	snprintf(other_at, sizeof(other_at), "%s", w.at);

	ep_ok(admin_user_passwd(&t.app, w.uid, "new pw", err,
	    sizeof(err)) == 0, "password-change-passwd: the new password is "
	    "set");
	ep_ok(!ac_session_alive(&t, &w), "password-change-ends-session: the "
	    "login session is gone (login form again)");
	ac_refresh(&t, &w, rt);
	ac_is_error(&t, 400, "invalid_grant", "password-change-ends-refresh: "
	    "the refresh token is refused");
	ep_is_int(ac_api_user(&t, at), 401, "password-change-ends-access: "
	    "/api/user refuses the access token");
	ep_is(ac_introspect_active(&t, &w, at), "false",
	    "password-change-ends-introspection: the access token is inactive");
	ac_exchange_fp(&t, &w, w.code);
	ac_is_error(&t, 400, "invalid_grant", "password-change-ends-code: an "
	    "unused authorization code is refused");
	ep_is_int(ac_api_user(&t, w.pat), 200,
	    "password-change-keeps-personal: a personal access token survives "
	    "(cpassport(8))");
	ep_is_int(ac_api_user(&t, other_at), 200,
	    "password-change-other-user: another user's token stays");
	ac_grant(&t, &w, "u@example.com", "old pw");
	snprintf(got, sizeof(got), "%s", ep_json(&t, "error") ?
	    ep_json(&t, "error") : "(none)");
	ep_is(got, "invalid_grant", "password-change-old-refused: the old "
	    "password no longer works");
	return ep_finish(&t);
}
