/*
 * What `cpassport token` refuses (the library half): revoking an
 * unknown jti, a token for an unknown user, a scope nobody registered.
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
	char			*pat = NULL;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "read things");
	snprintf(user, sizeof(user), "%s",
	    ep_user(&t, "p@example.com", "read", "pw"));
	ep_client(&t, &spec, id, secret);

	ep_is_int(admin_token_revoke(&t.app,
	    "7b5e2c1e-0000-4000-8000-000000000000", err, sizeof(err)), -1,
	    "personal-revoke-unknown: an unknown jti is an error");
	ep_ok(admin_token_create(&t.app, "999", "x", NULL, &pat, jti, err,
	    sizeof(err)) == -1 && pat == NULL,
	    "personal-unknown-user: an unknown user is an error");
	ep_ok(admin_token_create(&t.app, user, "x", "nosuch", &pat, jti, err,
	    sizeof(err)) == -1 && pat == NULL,
	    "personal-unknown-scope: an unknown scope is an error");
	return ep_finish(&t);
}
