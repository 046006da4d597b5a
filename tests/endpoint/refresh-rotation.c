/*
 * A refresh_token grant (RFC 6749 §6) answers 200 with a new access
 * token that /api/user accepts and a new refresh token (rotation, RFC
 * 9700 §4.14.2) of the old one's family, the old one marked used; it
 * keeps the original scope when none is asked, and is not cached (§5.1).
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
	char			 hash[65];
	struct tk_tokens	 one, two;

	ep_start(&t, "refresh_token_grace_period = 0");
	ep_scope(&t, "read", "read things");
	ep_scope(&t, "write", "write things");
	ep_user(&t, "u@example.com", "read,write", "pw");
	ep_client(&t, &spec, id, secret);

	tk_password(&t, id, secret, "u@example.com", "pw", "read write", &one);
	ep_is_int(tk_refresh(&t, id, secret, one.rt, NULL, &two), 200,
	    "refresh-ok: 200");
	ep_ok(*two.rt != '\0' && strcmp(two.rt, one.rt) != 0,
	    "refresh-rotates: a new refresh token each use");
	ep_is(ep_json(&t, "scope"), "read write", "refresh-scope-kept: the "
	    "original scope without a scope parameter");
	ep_is(ep_header(&t, "Cache-Control"), "no-store",
	    "refresh-no-store: the answer is not cached (RFC 6749 §5.1)");
	ep_is_int(tk_user_status(&t, two.at), 200,
	    "refresh-new-access-token-works: /api/user accepts it");
	ep_is(ep_sql(&t, "SELECT count(DISTINCT family_id) FROM "
	    "oauth_refresh_tokens", NULL), "1",
	    "refresh-family: the new token joins the old one's family");
	ep_is(ep_sql(&t, "SELECT used_at IS NOT NULL FROM oauth_refresh_tokens "
	    "WHERE id = decode($1, 'hex')", tk_sha256_hex(one.rt, hash), NULL),
	    "t", "refresh-rotates-marks-used: the old token is marked used");
	return ep_finish(&t);
}
