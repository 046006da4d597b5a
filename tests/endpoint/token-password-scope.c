/*
 * The scope of a password grant (RFC 6749 §3.3): a scope the user does
 * not hold is left out of the answer and the token; a name nobody
 * registered, or one that is not a scope-token, is invalid_scope (§5.2).
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
	json_object		*c;
	const char		*s;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "Read your data");
	ep_scope(&t, "write", "Change your data");
	ep_user(&t, "alice@example.com", "read,write", "correct horse");
	ep_user(&t, "bob@example.com", "read", "reader pass");
	ep_client(&t, &spec, id, secret);

	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=bob%%40example.com&"
	    "password=reader+pass&scope=read+write", id, secret);
	c = ep_jwt_claims(ep_json(&t, "access_token"));
	s = ep_json(&t, "scope");
	ep_ok(t.resp.status == 200 && s != NULL && strcmp(s, "read") == 0 &&
	    ep_claim(c, "scope") && strcmp(ep_claim(c, "scope"), "read") == 0,
	    "token-password-scope-narrowed: a scope the user does not hold is "
	    "not in the token");
	json_object_put(c);
	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com&"
	    "password=correct+horse&scope=read+admin", id, secret);
	tk_is_error(&t, "400:invalid_scope",
	    "token-password-unknown-scope: invalid_scope");
	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com&"
	    "password=correct+horse&scope=re%%22ad", id, secret);
	tk_is_error(&t, "400:invalid_scope",
	    "token-password-malformed-scope: invalid_scope");
	return ep_finish(&t);
}
