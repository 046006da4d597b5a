/*
 * An access token is read back by this server's own resource endpoints
 * only up to JWT_MAX_LEN (RFC 6750 §2.1 header, bounded as every input):
 * custom claims (RFC 9068 §2.2.1) that would make it longer give
 * server_error, not a token that /api/user and userinfo then refuse.
 * Short claims still get the token, and it serves.
 */
#include "crypto/jwt.h"
#include "ep.h"

#define CONFIG "claim = c1 profile\nclaim = c2 profile\n" \
	"claim = c3 profile\nclaim = c4 profile\nclaim = c5 profile\n" \
	"access_token_claims = c1 c2 c3 c4 c5\n"

static void
token(struct ep *t, const char *id, const char *secret)
{
	ep_token(t, NULL, "grant_type=password&client_id=%s&client_secret=%s&"
	    "username=ann%%40example.com&password=pw&scope=openid+profile",
	    id, secret);
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 pw = { .name = "Password client",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1], got[64];
	char			 user[64], auth[JWT_MAX_LEN + 64];
	const char		*at;

	ep_start(&t, CONFIG);
	snprintf(user, sizeof(user), "%s", ep_user(&t, "ann@example.com",
	    "openid,profile", "pw"));
	ep_client(&t, &pw, id, secret);
	ep_sql(&t, "INSERT INTO cpassport_user_claims (user_id, name, value) "
	    "VALUES ($1, 'c1', '\"short\"')", user, NULL);
	token(&t, id, secret);
	at = ep_json(&t, "access_token");
	ep_ok(t.resp.status == 200 && at != NULL && strlen(at) <= JWT_MAX_LEN,
	    "oidc-claims-access-token-size-short: short claims, the token");
	snprintf(auth, sizeof(auth), "Bearer %s", at != NULL ? at : "");
	ep_call(&t, EP_USER, &(struct ep_req){ .method = "GET",
	    .uri = "/api/user", .authorization = auth });
	ep_ok(t.resp.status == 200, "oidc-claims-access-token-size-serves: "
	    "and /api/user takes it");

	/* Five claims of 2000 bytes: some 13 KB of base64url. */
	ep_sql(&t, "INSERT INTO cpassport_user_claims (user_id, name, value) "
	    "SELECT $1, n, to_jsonb(repeat('x', 2000)) FROM unnest("
	    "ARRAY['c2', 'c3', 'c4', 'c5']) AS n", user, NULL);
	ep_sql(&t, "UPDATE cpassport_user_claims SET value = "
	    "to_jsonb(repeat('y', 2000)) WHERE user_id = $1 AND name = 'c1'",
	    user, NULL);
	token(&t, id, secret);
	snprintf(got, sizeof(got), "%d %s %s", t.resp.status,
	    ep_json(&t, "error") ? ep_json(&t, "error") : "null",
	    ep_json(&t, "access_token") ? "token" : "none");
	ep_is(got, "500 server_error none",
	    "oidc-claims-access-token-size-over: claims past JWT_MAX_LEN, "
	    "server_error and no token the resource endpoints would refuse");
	return ep_finish(&t);
}
