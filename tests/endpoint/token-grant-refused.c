/*
 * Grants the token endpoint refuses for what they are (RFC 6749 §5.2): a
 * client not registered for the password grant is unauthorized_client,
 * a grant_type the server does not know is unsupported_grant_type.
 */
#include "token-lib.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 pw = { .name = "Password client",
				    .kind = CLIENT_PASSWORD };
	struct client_spec	 cc = { .name = "Other",
				    .kind = CLIENT_CREDENTIALS };
	char			 id[UUID_TEXT_LEN + 1];
	char			 cc_id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 cc_secret[SECRET_TEXT_LEN + 1];

	ep_start(&t, NULL);
	ep_scope(&t, "read", "Read your data");
	ep_user(&t, "alice@example.com", "read", "correct horse");
	ep_client(&t, &pw, id, secret);
	ep_client(&t, &cc, cc_id, cc_secret);

	ep_token(&t, ep_basic(cc_id, cc_secret), "grant_type=password&"
	    "username=alice%%40example.com&password=correct+horse");
	tk_is_error(&t, "400:unauthorized_client",
	    "token-password-unauthorized-client: a client without the "
	    "password grant");
	ep_token(&t, ep_basic(id, secret),
	    "grant_type=urn%%3Aexample%%3Amagic");
	tk_is_error(&t, "400:unsupported_grant_type",
	    "token-unsupported-grant-type");
	return ep_finish(&t);
}
