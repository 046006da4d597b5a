/*
 * token.fcgi's router: a GET of /oauth/token is 405 with Allow: POST
 * (RFC 9110 §15.5.6) and an invalid_request body; another path under it
 * is a 404 JSON answer, not cached, and no grant runs.
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
	const char		*e, *a, *cc;

	ep_start(&t, NULL);
	ep_client(&t, &spec, id, secret);

	ep_call(&t, EP_TOKEN, &(struct ep_req){ .method = "GET",
	    .uri = "/oauth/token" });
	e = ep_json(&t, "error");
	a = ep_header(&t, "Allow");
	ep_ok(t.resp.status == 405 && a && strcmp(a, "POST") == 0 &&
	    e && strcmp(e, "invalid_request") == 0,
	    "token-get-method: 405 with Allow: POST");
	ep_call(&t, EP_TOKEN, &(struct ep_req){ .uri = "/oauth/token/x",
	    .authorization = ep_basic(id, secret),
	    .body = "grant_type=password" });
	e = ep_json(&t, "error");
	cc = ep_header(&t, "Cache-Control");
	ep_ok(t.resp.status == 404 && e && strcmp(e, "not_found") == 0 &&
	    cc && strcmp(cc, "no-store") == 0,
	    "token-unknown-path: POST /oauth/token/x reaches token.fcgi and is "
	    "404 JSON, no grant run");
	return ep_finish(&t);
}
