/*
 * The password grant's successful answer (RFC 6749 §4.3.3, §5.1): 200,
 * a Bearer token for the configured lifetime, the scope granted, no
 * caching (Cache-Control: no-store, Pragma: no-cache), JSON, and a
 * refresh token of 256 bits.
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
	const char		*ct, *rt;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "Read your data");
	ep_scope(&t, "write", "Change your data");
	ep_user(&t, "alice@example.com", "read,write", "correct horse");
	ep_client(&t, &spec, id, secret);

	ep_is_int(ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com&"
	    "password=correct+horse&scope=read+write", id, secret), 200,
	    "token-password-ok: 200");
	ep_is(ep_json(&t, "token_type"), "Bearer",
	    "token-password-ok: token_type Bearer");
	ep_is(ep_json(&t, "expires_in"), "900",
	    "token-password-ok: expires_in is the configured lifetime");
	ep_is(ep_json(&t, "scope"), "read write",
	    "token-password-ok: scope echoed");
	ep_is(ep_header(&t, "Cache-Control"), "no-store",
	    "token-password-ok: Cache-Control: no-store");
	ep_is(ep_header(&t, "Pragma"), "no-cache",
	    "token-password-ok: Pragma: no-cache");
	ct = t.resp.content_type;
	ep_ok(ct != NULL && strncmp(ct, "application/json", 16) == 0,
	    "token-password-ok: JSON content type");
	rt = ep_json(&t, "refresh_token");
	ep_ok(rt != NULL && strlen(rt) == 43 &&
	    strspn(rt, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == 43,
	    "token-password-ok: refresh token is 256 bits base64url");
	return ep_finish(&t);
}
