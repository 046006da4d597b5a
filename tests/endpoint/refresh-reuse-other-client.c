/*
 * A rotated refresh token presented by another client is invalid_grant
 * (RFC 6749 §6: bound to its client), within the grace period and after
 * it, and it is no theft of the family: the owner's successor tokens
 * still work.
 */
#include "token-lib.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 app = { .name = "App",
				    .kind = CLIENT_PASSWORD };
	struct client_spec	 other = { .name = "Other",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 oid[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 osecret[SECRET_TEXT_LEN + 1], got[32];
	struct tk_tokens	 one, two;
	int			 user;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "read things");
	ep_user(&t, "u@example.com", "read", "pw");
	ep_client(&t, &app, id, secret);
	ep_client(&t, &other, oid, osecret);

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &one);
	tk_refresh(&t, id, secret, one.rt, NULL, &two);
	tk_refresh(&t, oid, osecret, one.rt, NULL, NULL);
	tk_is_error(&t, "400:invalid_grant", "refresh-reuse-other-client: "
	    "another client presenting it is invalid_grant");
	ep_sql(&t, "UPDATE oauth_refresh_tokens SET used_at = used_at - "
	    "interval '1 hour' WHERE used_at IS NOT NULL", NULL);
	tk_refresh(&t, oid, osecret, one.rt, NULL, NULL);
	tk_is_error(&t, "400:invalid_grant", "refresh-reuse-other-client: "
	    "after the grace period too");
	user = tk_user_status(&t, two.at);
	snprintf(got, sizeof(got), "%d:%d", user,
	    tk_refresh(&t, id, secret, two.rt, NULL, NULL));
	ep_is(got, "200:200", "refresh-reuse-other-client: the family is "
	    "intact");
	return ep_finish(&t);
}
