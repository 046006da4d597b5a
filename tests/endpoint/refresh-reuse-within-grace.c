/*
 * RFC 9700 §4.14.2, RFC 6749 §6: the just-rotated refresh token
 * presented again by its own client within refresh_token_grace_period
 * (5 s by default) is a race (two tabs, a retry), not theft:
 * invalid_grant "already rotated", and the successor's tokens live on.
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
	char			 got[32];
	struct tk_tokens	 one, two;
	int			 user;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "read things");
	ep_user(&t, "u@example.com", "read", "pw");
	ep_client(&t, &spec, id, secret);

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &one);
	tk_refresh(&t, id, secret, one.rt, NULL, &two);
	tk_refresh(&t, id, secret, one.rt, NULL, NULL);
	tk_is_answer(&t, "400:invalid_grant:refresh token already rotated",
	    "refresh-reuse-within-grace-is-a-race: the just-rotated token "
	    "again is invalid_grant, already rotated");
	user = tk_user_status(&t, two.at);
	snprintf(got, sizeof(got), "%d:%d", user,
	    tk_refresh(&t, id, secret, two.rt, NULL, NULL));
	ep_is(got, "200:200", "refresh-reuse-within-grace-keeps-family: the "
	    "successor's access and refresh tokens still work");
	return ep_finish(&t);
}
