/*
 * client_credentials without a scope, and with "scope=" (RFC 6749 §3.3:
 * an empty scope is as if none was sent): the server's default_scope, in
 * the response and in the token.
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
	ep_scope(&t, "admin", "admin things");
	ep_client(&t, &spec, id, secret);

	ep_token(&t, ep_basic(id, secret), "grant_type=client_credentials");
	ep_is(ep_json(&t, "scope"), "read",
	    "cc-default-scope: default_scope when none is asked");
	ep_is_int(ep_token(&t, ep_basic(id, secret),
	    "grant_type=client_credentials&scope="), 200,
	    "cc-empty-scope-is-default: scope= is answered 200");
	c = ep_jwt_claims(ep_json(&t, "access_token"));
	ep_is(ep_json(&t, "scope"), "read",
	    "cc-empty-scope-is-default: default_scope in the response");
	ep_is(ep_claim(c, "scope"), "read",
	    "cc-empty-scope-is-default: default_scope in the token");
	json_object_put(c);
	return ep_finish(&t);
}
