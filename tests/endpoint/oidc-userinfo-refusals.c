/*
 * The userinfo endpoint refusing (RFC 6750 §3.1, Core §5.3.3): no token
 * 401 with a bare challenge; a bad, expired or revoked one 401
 * invalid_token; one without scope openid 403 insufficient_scope naming
 * it; a client's own token (no user) 401 invalid_token; the token sent
 * two ways, or a body that is not a form, 400 invalid_request; no TLS
 * 400; another method 405.
 */
#include "resource-lib.h"

static int
userinfo(struct ep *t, const char *method, const char *auth,
    const char *body, const char *content_type)
{
	return ep_call(t, EP_USER, &(struct ep_req){ .method = method,
	    .uri = "/oauth/userinfo", .authorization = auth, .body = body,
	    .content_type = content_type });
}

static const char *
bearer(const char *tok)
{
	static char	out[RL_TOKEN_MAX + 8];

	snprintf(out, sizeof(out), "Bearer %s", tok);
	return out;
}

/* The last answer: status and the WWW-Authenticate header. */
static const char *
answer(struct ep *t)
{
	return rl_answer(t, "H:WWW-Authenticate", NULL);
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 app = { .name = "App",
				    .kind = CLIENT_PASSWORD };
	struct client_spec	 cc = { .name = "Machine",
				    .kind = CLIENT_CREDENTIALS };
	char			 id[UUID_TEXT_LEN + 1], ccid[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 ccsecret[SECRET_TEXT_LEN + 1];
	char			 body[2 * RL_TOKEN_MAX + 32], bad[RL_TOKEN_MAX];
	struct rl_tokens	 ok, noid, gone;
	json_object		*c;
	size_t			 n;

	ep_start(&t, NULL);
	ep_user(&t, "ann@example.com", "openid,profile", "pw");
	ep_client(&t, &app, id, secret);
	ep_client(&t, &cc, ccid, ccsecret);
	rl_login(&t, id, secret, "ann@example.com", "openid profile", &ok);
	rl_login(&t, id, secret, "ann@example.com", "profile", &noid);
	rl_login(&t, id, secret, "ann@example.com", "openid", &gone);

	userinfo(&t, "GET", NULL, NULL, NULL);
	ep_is(answer(&t), "401:Bearer realm=\"cpassport\"",
	    "oidc-userinfo-no-token: 401, a bare Bearer challenge (RFC 6750 "
	    "§3.1)");
	snprintf(bad, sizeof(bad), "%s", ok.access);
	n = strlen(bad) - 10;
	bad[n] = bad[n] == 'A' ? 'B' : 'A';
	userinfo(&t, "GET", bearer(bad), NULL, NULL);
	ep_is(rl_answer(&t, "error", NULL), "401:invalid_token",
	    "oidc-userinfo-bad-signature: 401 invalid_token");
	ep_ok(strstr(answer(&t), "error=\"invalid_token\"") != NULL,
	    "oidc-userinfo-bad-signature: WWW-Authenticate says invalid_token");
	userinfo(&t, "GET", bearer(noid.access), NULL, NULL);
	ep_is(answer(&t), "403:Bearer realm=\"cpassport\", error="
	    "\"insufficient_scope\", error_description=\"the access token "
	    "lacks scope openid\", scope=\"openid\"",
	    "oidc-userinfo-no-openid: 403 insufficient_scope, scope=\"openid\" "
	    "(RFC 6750 §3.1)");

	ep_token(&t, ep_basic(ccid, ccsecret), "grant_type=client_credentials"
	    "&scope=openid");
	userinfo(&t, "GET", bearer(ep_json(&t, "access_token")), NULL, NULL);
	ep_is(rl_answer(&t, "error", "error_description", NULL),
	    "401:invalid_token:the access token does not represent a user",
	    "oidc-userinfo-client-token: no user, 401 invalid_token (RFC 6750 "
	    "§3.1)");

	snprintf(body, sizeof(body), "access_token=%s", ok.access);
	userinfo(&t, "POST", bearer(ok.access), body, NULL);
	ep_is(rl_answer(&t, "error", "error_description", NULL),
	    "400:invalid_request:the access token was sent more than one way",
	    "oidc-userinfo-two-ways: header and body, 400 (RFC 6750 §3.1)");
	userinfo(&t, "POST", NULL, body, "application/json");
	ep_is(rl_answer(&t, "error", NULL), "400:invalid_request",
	    "oidc-userinfo-post-not-form: a body that is not a form (RFC "
	    "6750 §2.2)");
	snprintf(body, sizeof(body), "access_token=%s&access_token=%s",
	    ok.access, ok.access);
	userinfo(&t, "POST", NULL, body, NULL);
	ep_is(rl_answer(&t, "error", NULL), "400:invalid_request",
	    "oidc-userinfo-post-twice: access_token twice in the body");
	userinfo(&t, "GET", bearer("a b"), NULL, NULL);
	ep_is(rl_answer(&t, "error", NULL), "400:invalid_request",
	    "oidc-userinfo-malformed-header: 400 invalid_request");
	ep_call(&t, EP_USER, &(struct ep_req){ .method = "GET",
	    .uri = "/oauth/userinfo", .authorization = bearer(ok.access),
	    .remote_addr = "192.0.2.7" });
	ep_is(rl_answer(&t, "error", NULL), "400:invalid_request",
	    "oidc-userinfo-tls: a Bearer token only over TLS (RFC 6750 §5.3)");
	ep_call(&t, EP_USER, &(struct ep_req){ .method = "PUT",
	    .uri = "/oauth/userinfo" });
	ep_is(rl_answer(&t, "H:Allow", NULL), "405:GET, POST",
	    "oidc-userinfo-methods: PUT 405, Allow: GET, POST");

	c = ep_jwt_claims(gone.access);
	ep_sql(&t, "UPDATE oauth_access_tokens SET revoked = true WHERE id = "
	    "$1", ep_claim(c, "jti"), NULL);
	json_object_put(c);
	userinfo(&t, "GET", bearer(gone.access), NULL, NULL);
	ep_is(rl_answer(&t, "error", NULL), "401:invalid_token",
	    "oidc-userinfo-revoked: 401 invalid_token");
	c = ep_jwt_claims(ok.access);
	ep_sql(&t, "UPDATE oauth_access_tokens SET expires_at = now() - "
	    "interval '1 s' WHERE id = $1", ep_claim(c, "jti"), NULL);
	json_object_put(c);
	userinfo(&t, "GET", bearer(ok.access), NULL, NULL);
	ep_is(rl_answer(&t, "error", NULL), "401:invalid_token",
	    "oidc-userinfo-expired: 401 invalid_token");
	return ep_finish(&t);
}
