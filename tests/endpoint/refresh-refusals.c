/*
 * What a refresh refuses (RFC 6749 §5.2): an unknown or expired refresh
 * token, or one whose user or client was revoked, is invalid_grant; a
 * request without refresh_token is invalid_request (§6).
 */
#include "token-lib.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "App",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 hash[65], err[256];
	struct tk_tokens	 a;

	ep_start(&t, "refresh_token_grace_period = 0");
	ep_scope(&t, "read", "read things");
	ep_user(&t, "u@example.com", "read", "pw");
	ep_client(&t, &spec, id, secret);

	tk_refresh(&t, id, secret, "not-a-token", NULL, NULL);
	tk_is_error(&t, "400:invalid_grant", "refresh-unknown: invalid_grant");
	ep_token(&t, ep_basic(id, secret), "grant_type=refresh_token");
	tk_is_error(&t, "400:invalid_request",
	    "refresh-missing: invalid_request");

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &a);
	ep_sql(&t, "UPDATE oauth_refresh_tokens SET expires_at = now() - "
	    "interval '1 second' WHERE id = decode($1, 'hex')",
	    tk_sha256_hex(a.rt, hash), NULL);
	tk_refresh(&t, id, secret, a.rt, NULL, NULL);
	tk_is_error(&t, "400:invalid_grant", "refresh-expired: invalid_grant");

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &a);
	ep_sql(&t, "UPDATE users SET revoked = true WHERE email = $1",
	    "u@example.com", NULL);
	tk_refresh(&t, id, secret, a.rt, NULL, NULL);
	tk_is_error(&t, "400:invalid_grant",
	    "refresh-user-revoked: invalid_grant");
	ep_sql(&t, "UPDATE users SET revoked = false WHERE email = $1",
	    "u@example.com", NULL);

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &a);
	if (admin_client_revoke(&t.app, id, err, sizeof(err)) == -1) {
		printf("Bail out! client revoke: %s\n", err);
		return 1;
	}
	tk_refresh(&t, id, secret, a.rt, NULL, NULL);
	tk_is_error(&t, "400:invalid_grant",
	    "refresh-client-revoked: invalid_grant");
	return ep_finish(&t);
}
