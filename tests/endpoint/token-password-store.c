/*
 * What a password grant stores: the access token's row under its jti
 * with user, client, scopes and expiry; the refresh token only as its
 * SHA-256 (RFC 6749 §10.4: a stolen table yields no usable token),
 * linked to the access token.
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
	char			 alice[64], jti[64], exp[32], rt[128];
	char			 want[256], hash[65];
	json_object		*c;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "Read your data");
	ep_scope(&t, "write", "Change your data");
	snprintf(alice, sizeof(alice), "%s", ep_user(&t, "alice@example.com",
	    "read,write", "correct horse"));
	ep_client(&t, &spec, id, secret);

	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com&"
	    "password=correct+horse&scope=read+write", id, secret);
	c = ep_jwt_claims(ep_json(&t, "access_token"));
	snprintf(jti, sizeof(jti), "%s", ep_claim(c, "jti") ?
	    ep_claim(c, "jti") : "");
	snprintf(exp, sizeof(exp), "%s", ep_claim(c, "exp") ?
	    ep_claim(c, "exp") : "0");
	snprintf(rt, sizeof(rt), "%s", ep_json(&t, "refresh_token") ?
	    ep_json(&t, "refresh_token") : "");
	json_object_put(c);

	snprintf(want, sizeof(want), "%s|%s|read write|t", alice, id);
	ep_is(ep_sql(&t, "SELECT user_id || '|' || client_id || '|' || "
	    "array_to_string(scopes, ' ') || '|' || CASE WHEN "
	    "extract(epoch FROM expires_at)::bigint = $2::bigint THEN 't' "
	    "ELSE 'f' END FROM oauth_access_tokens WHERE id = $1::uuid",
	    jti, exp, NULL), want, "store: access token row by jti with "
	    "user, client, scopes, expiry");
	ep_is(ep_sql(&t, "SELECT access_token_id FROM oauth_refresh_tokens "
	    "WHERE id = decode($1, 'hex')", tk_sha256_hex(rt, hash), NULL),
	    jti, "store: refresh token kept as its SHA-256, linked to the "
	    "access token");
	ep_is(ep_sql(&t, "SELECT position($1 IN coalesce(string_agg(t::text, "
	    "''), '')) FROM oauth_refresh_tokens t", rt, NULL), "0",
	    "store: the refresh token itself is nowhere in the table");
	return ep_finish(&t);
}
