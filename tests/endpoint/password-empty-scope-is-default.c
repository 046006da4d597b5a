/*
 * A password grant with "scope=" (RFC 6749 §3.1: a parameter sent
 * without a value is as if omitted; §3.3: then the default applies) gets
 * default_scope, in the answer and in the token.
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
	char			 got[128];
	json_object		*c;

	ep_start(&t, "default_scope = read");
	ep_scope(&t, "read", "Read your data");
	ep_scope(&t, "write", "Change your data");
	ep_user(&t, "alice@example.com", "read,write", "correct horse");
	ep_client(&t, &spec, id, secret);

	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com&"
	    "password=correct+horse&scope=", id, secret);
	c = ep_jwt_claims(ep_json(&t, "access_token"));
	snprintf(got, sizeof(got), "%d:%s:%s", t.resp.status,
	    ep_json(&t, "scope") ? ep_json(&t, "scope") : "null",
	    ep_claim(c, "scope") ? ep_claim(c, "scope") : "null");
	ep_is(got, "200:read:read", "password-empty-scope-is-default: scope= "
	    "gets default_scope, in the response and the token");
	json_object_put(c);
	return ep_finish(&t);
}
