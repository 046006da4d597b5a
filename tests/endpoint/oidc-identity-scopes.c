/*
 * Core §5.4: openid, profile and email release only the user's own
 * sign-in, name and address, so a user need not hold them to give them
 * (grant_user_scopes): bob, who holds nothing, signs in with openid and
 * email; a scope that is a permission (read) is still narrowed away, and
 * a client whose own list lacks openid still cannot have it.
 */
#include "oidc-lib.h"

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	struct ac_jar		 bob;
	struct client_spec	 narrow = { .name = "Read-only app",
				    .scopes = "read", .nredirects = 1,
				    .redirects = { AC_CB } };
	char			 nid[UUID_TEXT_LEN + 1];
	char			 nsecret[SECRET_TEXT_LEN + 1];
	const char		*code;
	int			 status;

	oidc_world(&t, &w, NULL);
	ep_client(&t, &narrow, nid, nsecret);
	code = ac_code(&t, &w.jar, oidc_query(nid, "openid read", ""));
	status = code != NULL ? oidc_exchange(&t, nid, nsecret, code) : 0;
	ep_ok(status == 200 && ac_eq(ep_json(&t, "scope"), "read") &&
	    ep_json(&t, "id_token") == NULL,
	    "oidc-identity-scopes-client-bound: a client registered without "
	    "openid gets no id_token, though alice holds openid");
	ep_user(&t, "bob@example.com", "", "pw bob");
	memset(&bob, 0, sizeof(bob));
	ac_login(&t, &bob, "bob@example.com", "pw bob",
	    oidc_query(w.cid, "openid", ""));
	w.jar = bob;
	code = ac_code(&t, &w.jar, oidc_query(w.cid, "openid email read", ""));
	status = code != NULL ? oidc_exchange(&t, w.cid, w.csecret, code) : 0;
	ep_ok(status == 200 && ac_eq(ep_json(&t, "scope"), "openid email") &&
	    ep_json(&t, "id_token") != NULL,
	    "oidc-identity-scopes-unheld: a user holding no scope signs in "
	    "with openid and email; read, which he does not hold, is dropped "
	    "(Core §5.4)");
	return ep_finish(&t);
}
