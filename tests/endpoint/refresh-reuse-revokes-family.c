/*
 * With no grace period, a refresh token presented again after its
 * rotation is theft (RFC 9700 §4.14.2): invalid_grant (RFC 6749 §5.2),
 * and the whole family dies, its access tokens and its newest refresh
 * token.
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
	struct tk_tokens	 one, two;

	ep_start(&t, "refresh_token_grace_period = 0");
	ep_scope(&t, "read", "read things");
	ep_scope(&t, "write", "write things");
	ep_user(&t, "u@example.com", "read,write", "pw");
	ep_client(&t, &spec, id, secret);

	tk_password(&t, id, secret, "u@example.com", "pw", "read write", &one);
	tk_refresh(&t, id, secret, one.rt, NULL, &two);
	tk_refresh(&t, id, secret, one.rt, NULL, NULL);
	tk_is_error(&t, "400:invalid_grant", "refresh-reuse: an already used "
	    "refresh token is invalid_grant");
	ep_is_int(tk_user_status(&t, two.at), 401, "refresh-reuse-revokes-"
	    "access: access tokens of the family are revoked");
	tk_refresh(&t, id, secret, two.rt, NULL, NULL);
	tk_is_error(&t, "400:invalid_grant", "refresh-reuse-revokes-family: "
	    "the newest refresh token died too");
	return ep_finish(&t);
}
