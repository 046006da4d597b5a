/*
 * admin_user_revoke() (`cpassport user revoke`) ends everything the user
 * is signed in with, personal access tokens included (RFC 9700 §4.14.2
 * for the refresh tokens): session, code, access, refresh and personal
 * tokens, counted; another user's token stays,
 * and the user can sign in again with the unchanged password.
 */
#include "authcode-lib.h"
#include "store/db_user_revoke.h"

int
main(void)
{
	struct ep			 t;
	struct ac_pworld		 w;
	struct user_revoke_counts	 c;
	char				 other_at[4096], err[256], got[128];
	char				 jti[UUID_TEXT_LEN + 1], *jwt = NULL;
	int				 rc;

	ac_pworld(&t, &w);
	ac_grant(&t, &w, "o@example.com", "other pw");
	snprintf(other_at, sizeof(other_at), "%s", w.at);
	/* A personal access token from before, then one of each. */
	if (admin_token_create(&t.app, w.uid, "older", NULL, &jwt, jti, err,
	    sizeof(err)) == -1) {
		printf("Bail out! token: %s\n", err);
		return 1;
	}
	free(jwt);
	ac_everywhere(&t, &w, "old pw");
	memset(&c, 0, sizeof(c));
	rc = admin_user_revoke(&t.app, w.uid, &c, err, sizeof(err));
	snprintf(got, sizeof(got), "%d: %ld sessions, %ld codes, %ld access "
	    "tokens, %ld refresh tokens", rc, c.sessions, c.codes, c.access,
	    c.refresh);
	ep_is(got, "0: 1 sessions, 1 codes, 3 access tokens, 1 refresh tokens",
	    "user-revoke-counts: what it ended, both personal tokens counted");
	ep_ok(!ac_session_alive(&t, &w) && ac_api_user(&t, w.at) == 401 &&
	    ac_api_user(&t, w.pat) == 401 && ac_refresh(&t, &w, w.rt) == 400 &&
	    ac_exchange_fp(&t, &w, w.code) == 400 &&
	    ac_eq(ac_introspect_active(&t, &w, w.at), "false"),
	    "user-revoke-ends-all: session, code, access, refresh and personal "
	    "tokens all end");
	ep_is_int(ac_api_user(&t, other_at), 200,
	    "user-revoke-other-user: another user's token stays");
	ac_grant(&t, &w, "u@example.com", "old pw");
	ep_is_int(ac_api_user(&t, w.at), 200, "user-revoke-login-again: the "
	    "user can sign in again (the password is unchanged)");
	return ep_finish(&t);
}
