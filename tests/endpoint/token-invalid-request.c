/*
 * Malformed token requests are invalid_request (RFC 6749 §5.2): no
 * grant_type, no password (§4.3.2), a parameter sent twice (§3.2), a body
 * that is not application/x-www-form-urlencoded (§4.3.2), a bad %xx
 * escape, and Basic together with client_secret in the body (§2.3: one
 * authentication method only).
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
	char			 json[256];

	ep_start(&t, NULL);
	ep_scope(&t, "read", "Read your data");
	ep_user(&t, "alice@example.com", "read", "correct horse");
	ep_user(&t, "bob@example.com", "read", "reader pass");
	ep_client(&t, &spec, id, secret);

	ep_token(&t, NULL, "client_id=%s&client_secret=%s&"
	    "username=alice%%40example.com&password=correct+horse", id, secret);
	tk_is_error(&t, "400:invalid_request",
	    "token-missing-grant-type: invalid_request");
	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com", id, secret);
	tk_is_error(&t, "400:invalid_request",
	    "token-password-missing-password: invalid_request");
	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com&"
	    "username=bob%%40example.com&password=correct+horse", id, secret);
	tk_is_error(&t, "400:invalid_request",
	    "token-duplicate-parameter: invalid_request");
	snprintf(json, sizeof(json),
	    "{\"grant_type\":\"password\",\"client_id\":\"%s\"}", id);
	ep_call(&t, EP_TOKEN, &(struct ep_req){ .uri = "/oauth/token",
	    .content_type = "application/json", .body = json });
	tk_is_error(&t, "400:invalid_request",
	    "token-wrong-content-type: invalid_request");
	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=%%zz&password=x", id, secret);
	tk_is_error(&t, "400:invalid_request",
	    "token-bad-percent-encoding: invalid_request");
	ep_token(&t, ep_basic(id, secret), "client_secret=%s&"
	    "grant_type=password&username=alice%%40example.com&"
	    "password=correct+horse", secret);
	tk_is_error(&t, "400:invalid_request", "token-two-client-auth-methods: "
	    "Basic and client_secret together is invalid_request");
	return ep_finish(&t);
}
