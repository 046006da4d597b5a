/*
 * allow_plain_http = true lifts the TLS requirement of RFC 6749 §3.2
 * (for a deployment whose web server speaks plain http to the clients by
 * design): plain http from a remote address is served.
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
	char			 body[512], len[32];
	const char	*envp[] = { "REQUEST_METHOD=POST",
			    "REQUEST_URI=/oauth/token",
			    "CONTENT_TYPE=application/x-www-form-urlencoded",
			    "REMOTE_ADDR=192.0.2.7", len, NULL };

	ep_start(&t, "allow_plain_http = true");
	ep_scope(&t, "read", "Read your data");
	ep_user(&t, "alice@example.com", "read", "correct horse");
	ep_client(&t, &spec, id, secret);
	snprintf(body, sizeof(body), "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com&"
	    "password=correct+horse", id, secret);
	snprintf(len, sizeof(len), "CONTENT_LENGTH=%zu", strlen(body));

	ep_is_int(tk_call_env(&t, envp, body), 200,
	    "token-allow-plain-http: the config can allow plain http");
	return ep_finish(&t);
}
