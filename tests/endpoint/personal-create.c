/*
 * A personal access token (`cpassport token`, the library half): refused
 * until a personal access client exists; then a JWT of
 * personal_access_token_lifetime, its scopes narrowed to what the user
 * holds, issued through that client (RFC 9068 §2.2 client_id), stored
 * with its name, and no refresh token.
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
	const char		*iat, *exp;
	json_object		*c;
	int			 rc;

	ep_start(&t, "personal_access_token_lifetime = 7200");
	ep_scope(&t, "read", "read things");
	ep_scope(&t, "write", "write things");
	snprintf(user, sizeof(user), "%s",
	    ep_user(&t, "p@example.com", "read", "pw"));

	rc = admin_token_create(&t.app, user, "x", NULL, &pat, jti, err,
	    sizeof(err));
	ep_ok(rc == -1 && strstr(err, "client --personal") != NULL,
	    "personal-no-client: refused until a personal access client "
	    "exists");
	free(pat);
	pat = NULL;
	ep_client(&t, &spec, id, secret);
	if (admin_token_create(&t.app, user, "My CLI", "read,write", &pat, jti,
	    err, sizeof(err)) == -1) {
		printf("Bail out! token create: %s\n", err);
		return 1;
	}
	c = ep_jwt_claims(pat);
	iat = ep_claim(c, "iat");
	exp = ep_claim(c, "exp");
	ep_is_int(iat && exp ? atol(exp) - atol(iat) : -1, 7200,
	    "personal-lifetime: personal_access_token_lifetime from the "
	    "config");
	ep_is(ep_claim(c, "scope"), "read",
	    "personal-scopes: narrowed to what the user holds");
	ep_is(ep_claim(c, "client_id"), id,
	    "personal-client: issued through the personal access client");
	ep_is(ep_sql(&t, "SELECT name FROM oauth_access_tokens WHERE id = "
	    "$1::uuid", ep_claim(c, "jti") ? ep_claim(c, "jti") : jti, NULL),
	    "My CLI", "personal-row: stored with its name");
	ep_is(ep_sql(&t, "SELECT count(*) FROM oauth_refresh_tokens", NULL),
	    "0", "personal-no-refresh: no refresh token");
	json_object_put(c);
	free(pat);
	return ep_finish(&t);
}
