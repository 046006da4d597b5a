/*
 * A refresh token is bound to the client it was issued to (RFC 6749
 * §6, §10.4): another client presenting it is invalid_grant, and that
 * does not harm it for its own client.
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
	char			 osecret[SECRET_TEXT_LEN + 1];
	struct tk_tokens	 a;

	ep_start(&t, "refresh_token_grace_period = 0");
	ep_scope(&t, "read", "read things");
	ep_user(&t, "u@example.com", "read", "pw");
	ep_client(&t, &app, id, secret);
	ep_client(&t, &other, oid, osecret);

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &a);
	tk_refresh(&t, oid, osecret, a.rt, NULL, NULL);
	tk_is_error(&t, "400:invalid_grant", "refresh-other-client: "
	    "invalid_grant");
	ep_is_int(tk_refresh(&t, id, secret, a.rt, NULL, NULL), 200,
	    "refresh-other-client-harmless: the owner can still use it");
	return ep_finish(&t);
}
