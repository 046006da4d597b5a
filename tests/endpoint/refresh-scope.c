/*
 * The scope of a refresh (RFC 6749 §6): one not in the original grant,
 * or a superset of it, is invalid_scope; a narrower one is granted, and
 * a later refresh may ask the original scope again.
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
	struct tk_tokens	 a, b;

	ep_start(&t, "refresh_token_grace_period = 0");
	ep_scope(&t, "read", "read things");
	ep_scope(&t, "write", "write things");
	ep_user(&t, "u@example.com", "read,write", "pw");
	ep_client(&t, &spec, id, secret);

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &a);
	tk_refresh(&t, id, secret, a.rt, "write", NULL);
	tk_is_error(&t, "400:invalid_scope", "refresh-wider-scope: "
	    "invalid_scope");
	tk_refresh(&t, id, secret, a.rt, "read write", NULL);
	tk_is_error(&t, "400:invalid_scope", "refresh-wider-scope-superset: "
	    "invalid_scope");
	tk_password(&t, id, secret, "u@example.com", "pw", "read write", &a);
	tk_refresh(&t, id, secret, a.rt, "read", &b);
	tk_is_scope(&t, "200:read", "refresh-narrower-scope: allowed");
	tk_refresh(&t, id, secret, b.rt, "read write", NULL);
	tk_is_scope(&t, "200:read write", "refresh-original-scope: a later "
	    "refresh may ask the original scope again (RFC 6749 §6)");
	return ep_finish(&t);
}
