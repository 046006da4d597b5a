/*
 * A client whose id_token algorithm has no key in the keyset (here
 * EdDSA beside an ES256 signing key and its RS256 companion): the code
 * exchange is server_error (RFC 6749 §5.2 has no better name for the
 * server's own lack), and nothing is issued: no access token row; the
 * same exchange without openid is served by the access tokens' key.
 */
#include "oidc-lib.h"

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	struct client_spec	 spec = { .name = "EdDSA app", .first_party = 1,
				    .id_token_alg = "EdDSA", .nredirects = 1,
				    .redirects = { AC_CB } };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	const char		*code;

	oidc_world(&t, &w, NULL);
	ep_client(&t, &spec, id, secret);
	code = ac_code(&t, &w.jar, oidc_query(id, "openid", ""));
	oidc_exchange(&t, id, secret, code ? code : "none");
	ac_is_error(&t, 500, "server_error", "oidc-id-token-no-key: the "
	    "client's algorithm has no key, server_error");
	ep_is(ep_sql(&t, "SELECT count(*) FROM oauth_access_tokens "
	    "WHERE client_id = $1", id, NULL), "0",
	    "oidc-id-token-no-key-nothing-issued: no access token stored");
	code = ac_code(&t, &w.jar, oidc_query(id, "read", ""));
	ep_is_int(oidc_exchange(&t, id, secret, code ? code : "none"), 200,
	    "oidc-id-token-no-key-oauth: without openid the grant is served");
	return ep_finish(&t);
}
