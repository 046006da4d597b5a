/*
 * client_credentials for a client without an owner (RFC 6749 §4.4),
 * authenticated with client_secret_post (§2.3.1): the token's sub is the
 * client (RFC 9068 §2.2) and its scopes are bounded by the client's own.
 */
#include "ep.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Lone service",
				    .kind = CLIENT_CREDENTIALS,
				    .scopes = "read,admin" };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	json_object		*c;

	ep_start(&t, "default_scope = read");
	ep_scope(&t, "read", "read things");
	ep_scope(&t, "write", "write things");
	ep_scope(&t, "admin", "admin things");
	ep_client(&t, &spec, id, secret);

	ep_is_int(ep_token(&t, NULL, "grant_type=client_credentials&"
	    "client_id=%s&client_secret=%s&scope=read+write+admin", id,
	    secret), 200, "cc-lone-ok: client_secret_post");
	c = ep_jwt_claims(ep_json(&t, "access_token"));
	ep_is(ep_claim(c, "sub"), id,
	    "cc-lone-sub: sub is the client id without an owner");
	ep_is(ep_json(&t, "scope"), "read admin",
	    "cc-lone-scope: bounded by the client's --scopes");
	json_object_put(c);
	return ep_finish(&t);
}
