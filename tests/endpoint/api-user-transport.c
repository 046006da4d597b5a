/*
 * RFC 6750 §5.3, RFC 6749 §1.6: a Bearer token only over TLS, with the
 * token endpoint's exceptions: from a remote address over plain http
 * 400 invalid_request (and no user data); HTTPS=on from the web server,
 * plain http from loopback (::1), or allow_plain_http are accepted.
 */
#include "resource-lib.h"

static int
user_from(struct ep *t, const char *auth, const char *addr,
    const char *https)
{
	return ep_call(t, EP_USER, &(struct ep_req){ .method = "GET",
	    .uri = "/api/user", .authorization = auth, .remote_addr = addr,
	    .https = https });
}

int
main(void)
{
	struct ep	 t;
	struct rl_ann	 a;
	char		 auth[RL_TOKEN_MAX + 16];
	const char	*www;

	ep_start(&t, RL_ANN_CONFIG);
	rl_ann_world(&t, &a);
	snprintf(auth, sizeof(auth), "Bearer %s",
	    rl_ann_token(&t, &a, "profile other"));
	user_from(&t, auth, "192.0.2.7", NULL);
	www = ep_header(&t, "WWW-Authenticate");
	ep_ok(t.resp.status == 400 && www != NULL &&
	    strstr(www, "error=\"invalid_request\"") != NULL &&
	    (t.body == NULL || strstr(t.body, "a@example.com") == NULL),
	    "api-user-tls-required: a Bearer token over plain http from a "
	    "remote address is refused (400 invalid_request)");
	user_from(&t, auth, "192.0.2.7", "on");
	ep_ok(t.resp.status == 200 && t.body != NULL &&
	    strstr(t.body, "a@example.com") != NULL,
	    "api-user-tls-ok: HTTPS=on from the web server is accepted");
	ep_is_int(user_from(&t, auth, "::1", NULL), 200,
	    "api-user-loopback-ok: plain http from ::1 is accepted");
	t.app.cfg.allow_plain_http = 1;
	ep_is_int(user_from(&t, auth, "192.0.2.7", NULL), 200,
	    "api-user-allow-plain-http: the config can allow plain http");
	return ep_finish(&t);
}
