/*
 * RFC 6749 §3.3, §6: "*" asked of a "*" client by a "*" user is granted
 * as "*"; refreshing it may narrow to a registered name, but never
 * admits a name nobody registered (invalid_scope).
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
	struct tk_tokens	 a;

	ep_start(&t, "refresh_token_grace_period = 0");
	ep_scope(&t, "read", "read things");
	ep_scope(&t, "admin", "admin things");
	ep_user(&t, "star@example.com", "*", "pw");
	ep_client(&t, &spec, id, secret);

	tk_password(&t, id, secret, "star@example.com", "pw", "*", &a);
	ep_is(ep_json(&t, "scope"), "*", "refresh-star-grant: * asked of a * "
	    "client by a * user");
	tk_refresh(&t, id, secret, a.rt, "nosuch", NULL);
	tk_is_error(&t, "400:invalid_scope", "refresh-star-grant-unregistered-"
	    "scope: invalid_scope");
	tk_refresh(&t, id, secret, a.rt, "admin", NULL);
	tk_is_scope(&t, "200:admin", "refresh-star-grant-narrows: a "
	    "registered name within *");
	return ep_finish(&t);
}
