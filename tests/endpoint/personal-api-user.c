/*
 * A personal access token is a Bearer token (RFC 6750 §2.1) /api/user
 * accepts, and once revoked (`cpassport token revoke`) it is refused at
 * once with invalid_token (§3.1).
 */
#include "token-lib.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Personal Access Client",
				    .kind = CLIENT_PERSONAL };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 user[64], jti[UUID_TEXT_LEN + 1], err[256];
	char			 got[128];
	char			*pat = NULL;

	ep_start(&t, "personal_access_token_lifetime = 7200");
	ep_scope(&t, "read", "read things");
	snprintf(user, sizeof(user), "%s",
	    ep_user(&t, "p@example.com", "read", "pw"));
	ep_client(&t, &spec, id, secret);
	if (admin_token_create(&t.app, user, "My CLI", "read", &pat, jti,
	    err, sizeof(err)) == -1) {
		printf("Bail out! token create: %s\n", err);
		return 1;
	}

	tk_user_status(&t, pat);
	snprintf(got, sizeof(got), "%d:%s", t.resp.status,
	    ep_json(&t, "email") ? ep_json(&t, "email") : "null");
	ep_is(got, "200:p@example.com", "personal-api-user: /api/user "
	    "accepts it");
	if (admin_token_revoke(&t.app, jti, err, sizeof(err)) == -1) {
		printf("Bail out! token revoke: %s\n", err);
		return 1;
	}
	tk_user_status(&t, pat);
	tk_is_error(&t, "401:invalid_token", "personal-revoke: a revoked "
	    "token is refused at once");
	free(pat);
	return ep_finish(&t);
}
