/*
 * The token endpoint requires TLS (RFC 6749 §3.2): plain http from a
 * remote address is invalid_request, and the client's own
 * X-Forwarded-Proto does not make it https, nor does HTTPS=off; HTTPS=on
 * from the web server does, and plain http from the loopback (::1, or
 * 127.0.0.1 mapped into IPv6) is accepted.  The requests are
 * made from the web server's parameters as http.c makes them.
 */
#include "token-lib.h"

static char	body[512];

/* One request with REMOTE_ADDR=addr and, unless NULL, one more param. */
static int
request(struct ep *t, const char *addr, const char *extra)
{
	char		 remote[64], len[32];
	const char	*envp[] = { "REQUEST_METHOD=POST",
			    "REQUEST_URI=/oauth/token",
			    "CONTENT_TYPE=application/x-www-form-urlencoded",
			    remote, len, extra, NULL };

	snprintf(remote, sizeof(remote), "REMOTE_ADDR=%s", addr);
	snprintf(len, sizeof(len), "CONTENT_LENGTH=%zu", strlen(body));
	return tk_call_env(t, envp, body);
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Password client",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	const char		*e;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "Read your data");
	ep_user(&t, "alice@example.com", "read", "correct horse");
	ep_client(&t, &spec, id, secret);
	snprintf(body, sizeof(body), "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com&"
	    "password=correct+horse", id, secret);

	request(&t, "192.0.2.7", NULL);
	e = ep_json(&t, "error");
	ep_ok(t.resp.status == 400 && e && strcmp(e, "invalid_request") == 0,
	    "token-tls-required: plain http from a remote address is refused");
	ep_is_int(request(&t, "192.0.2.7", "HTTP_X_FORWARDED_PROTO=https"),
	    400, "token-tls-required: a client-sent X-Forwarded-Proto is not "
	    "trusted");
	ep_is_int(request(&t, "192.0.2.7", "HTTPS=off"), 400,
	    "token-tls-required: HTTPS=off is plain http");
	request(&t, "192.0.2.7", "HTTPS=on");
	ep_ok(t.resp.status == 200 && ep_json(&t, "access_token") != NULL,
	    "token-tls-ok: HTTPS=on from the web server is accepted (plain "
	    "CGI mode)");
	ep_is_int(request(&t, "::1", NULL), 200,
	    "token-loopback-ok: plain http from ::1 is accepted");
	ep_is_int(request(&t, "::ffff:127.0.0.1", NULL), 200,
	    "token-loopback-ok: plain http from ::ffff:127.0.0.1 is accepted");
	return ep_finish(&t);
}
