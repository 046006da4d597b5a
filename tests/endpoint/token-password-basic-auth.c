/*
 * A password grant with client_secret_basic (RFC 6749 §2.3.1), the
 * e-mail in another case, and no scope asked: 200, and with an empty
 * default_scope no scope is granted, so the answer has no "scope" member
 * rather than an empty one (§5.1).
 */
#include "token-lib.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Password client",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];

	ep_start(&t, NULL);
	ep_scope(&t, "read", "Read your data");
	ep_scope(&t, "write", "Change your data");
	ep_user(&t, "alice@example.com", "read,write", "correct horse");
	ep_client(&t, &spec, id, secret);

	ep_is_int(ep_token(&t, ep_basic(id, secret), "grant_type=password&"
	    "username=ALICE%%40example.com&password=correct+horse"), 200,
	    "token-password-basic-auth: client_secret_basic accepted, e-mail "
	    "case-insensitive");
	ep_is(ep_json(&t, "scope"), NULL, "token-password-default-scope: no "
	    "scope asked, none granted, no empty scope member");
	return ep_finish(&t);
}
