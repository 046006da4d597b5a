/*
 * client_credentials for a client with an owner (RFC 6749 §4.4): the
 * token acts as the owner (RFC 9068 §2.2 "sub"), its scopes are bounded by
 * what the owner holds, and no refresh token is issued (§4.4.3).
 */
#include "ep.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Owned service",
				    .kind = CLIENT_CREDENTIALS };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 owner[64];
	json_object		*c;

	ep_start(&t, "default_scope = read");
	ep_scope(&t, "read", "read things");
	ep_scope(&t, "write", "write things");
	ep_scope(&t, "admin", "admin things");
	snprintf(owner, sizeof(owner), "%s",
	    ep_user(&t, "owner@example.com", "read,write", "pw"));
	spec.user_id = owner;
	ep_client(&t, &spec, id, secret);

	ep_is_int(ep_token(&t, ep_basic(id, secret),
	    "grant_type=client_credentials&scope=read+write+admin"), 200,
	    "cc-owned-ok: 200");
	c = ep_jwt_claims(ep_json(&t, "access_token"));
	ep_is(ep_claim(c, "sub"), owner, "cc-owned-sub: sub is the owner user");
	ep_is(ep_json(&t, "scope"), "read write",
	    "cc-owned-scope: bounded by what the owner holds");
	ep_is(ep_json(&t, "refresh_token"), NULL,
	    "cc-no-refresh-token: none issued (RFC 6749 §4.4.3)");
	ep_is(ep_header(&t, "Cache-Control"), "no-store", "cc-no-store");
	ep_is(ep_sql(&t, "SELECT user_id FROM oauth_access_tokens "
	    "WHERE id = $1", ep_claim(c, "jti"), NULL), owner,
	    "cc-owned-row: the row acts as the owner");
	json_object_put(c);
	return ep_finish(&t);
}
