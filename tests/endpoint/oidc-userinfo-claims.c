/*
 * The userinfo endpoint's answer (OpenID Connect Core §5.3.2): "sub" (the
 * user's id, a string) and the claims the token's scopes release, the
 * same by GET with the header, POST with the header and POST with the
 * form body (RFC 6750 §2.1, §2.2); JSON, Cache-Control: no-store.
 */
#include "resource-lib.h"

#define CONFIG "claim = department profile\nclaim = badge email\n"

/* /oauth/userinfo: method, the Bearer header's token, the body's. */
static int
userinfo(struct ep *t, const char *method, const char *header,
    const char *body_token)
{
	char	auth[RL_TOKEN_MAX + 8], body[RL_TOKEN_MAX + 16];

	snprintf(auth, sizeof(auth), "Bearer %s", header ? header : "");
	snprintf(body, sizeof(body), "access_token=%s",
	    body_token ? body_token : "");
	return ep_call(t, EP_USER, &(struct ep_req){ .method = method,
	    .uri = "/oauth/userinfo", .authorization = header ? auth : NULL,
	    .body = body_token ? body : NULL });
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 app = { .name = "App",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 user[32], want[512];
	struct rl_tokens	 all, only, prof;

	ep_start(&t, CONFIG);
	snprintf(user, sizeof(user), "%s", ep_user(&t, "ann@example.com",
	    "openid,profile,email", "pw"));
	ep_sql(&t, "UPDATE users SET name = 'Ann \"A\" Lee', updated_at = "
	    "'2026-01-02 03:04:05+00' WHERE id = $1", user, NULL);
	ep_sql(&t, "INSERT INTO cpassport_user_claims (user_id, name, value, "
	    "updated_at) VALUES ($1, 'department', '\"R&D\"', '2025-01-01+00'),"
	    " ($1, 'badge', '[1, 2]', '2025-01-01+00')", user, NULL);
	ep_client(&t, &app, id, secret);
	rl_login(&t, id, secret, "ann@example.com", "openid profile email",
	    &all);
	rl_login(&t, id, secret, "ann@example.com", "openid", &only);
	rl_login(&t, id, secret, "ann@example.com", "openid profile", &prof);

	snprintf(want, sizeof(want), "{\"sub\":\"%s\",\"badge\":[1,2],"
	    "\"department\":\"R&D\",\"name\":\"Ann \\\"A\\\" Lee\","
	    "\"updated_at\":1767323045,\"email\":\"ann@example.com\","
	    "\"email_verified\":false}", user);
	userinfo(&t, "GET", all.access, NULL);
	ep_is(t.body, want, "oidc-userinfo-get: sub and every released claim "
	    "(Core §5.3.2, §5.4)");
	ep_ok(!strcmp(rl_answer(&t, "H:Cache-Control", NULL), "200:no-store") &&
	    t.resp.content_type != NULL &&
	    !strcmp(t.resp.content_type, "application/json"),
	    "oidc-userinfo-headers: JSON, not stored (Core §5.3.2)");
	userinfo(&t, "POST", NULL, all.access);
	ep_is(t.body, want, "oidc-userinfo-post-form: the token in the form "
	    "body (RFC 6750 §2.2)");
	userinfo(&t, "POST", all.access, NULL);
	ep_is(t.body, want, "oidc-userinfo-post-header: POST with the header "
	    "and no body");

	snprintf(want, sizeof(want), "{\"sub\":\"%s\"}", user);
	userinfo(&t, "GET", only.access, NULL);
	ep_is(t.body, want, "oidc-userinfo-openid-only: sub alone");
	snprintf(want, sizeof(want), "{\"sub\":\"%s\",\"department\":\"R&D\","
	    "\"name\":\"Ann \\\"A\\\" Lee\",\"updated_at\":1767323045}", user);
	userinfo(&t, "GET", prof.access, NULL);
	ep_is(t.body, want, "oidc-userinfo-ungranted: email, email_verified "
	    "and badge (bound to email) absent without scope email");
	ep_is_int(ep_call(&t, EP_USER, &(struct ep_req){ .method = "HEAD",
	    .uri = "/oauth/userinfo" }), 401,
	    "oidc-userinfo-head: HEAD served as GET (401 without a token)");
	return ep_finish(&t);
}
