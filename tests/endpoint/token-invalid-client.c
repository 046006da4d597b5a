/*
 * Client authentication failures at the token endpoint are 401
 * invalid_client (RFC 6749 §5.2): a wrong client_secret in the body (no
 * WWW-Authenticate, as no Basic was tried), a wrong or malformed Basic
 * header (WWW-Authenticate: Basic, RFC 7617 §2), an unknown client, no
 * client authentication at all, and a revoked client.
 */
#include "token-lib.h"

static int
basic_challenge(struct ep *t)
{
	const char	*h = ep_header(t, "WWW-Authenticate");

	return h != NULL && strncmp(h, "Basic", 5) == 0;
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Password client",
				    .kind = CLIENT_PASSWORD };
	struct client_spec	 rev = { .name = "Soon revoked",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 rid[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 rsecret[SECRET_TEXT_LEN + 1], err[256];
	const char		*e;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "Read your data");
	ep_user(&t, "alice@example.com", "read", "correct horse");
	ep_client(&t, &spec, id, secret);
	ep_client(&t, &rev, rid, rsecret);

	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=nope&username=alice%%40example.com&"
	    "password=correct+horse", id);
	e = ep_json(&t, "error");
	ep_ok(t.resp.status == 401 && e && strcmp(e, "invalid_client") == 0 &&
	    ep_header(&t, "WWW-Authenticate") == NULL,
	    "token-wrong-secret-post: 401 invalid_client, no WWW-Authenticate");
	ep_token(&t, ep_basic(id, "nope"), "grant_type=password&"
	    "username=alice%%40example.com&password=correct+horse");
	e = ep_json(&t, "error");
	ep_ok(t.resp.status == 401 && e && strcmp(e, "invalid_client") == 0 &&
	    basic_challenge(&t),
	    "token-wrong-secret-basic: 401 with WWW-Authenticate: Basic");
	ep_token(&t, "Basic !!!notbase64", "grant_type=password&"
	    "username=alice%%40example.com&password=x");
	e = ep_json(&t, "error");
	ep_ok(t.resp.status == 401 && e && strcmp(e, "invalid_client") == 0 &&
	    basic_challenge(&t),
	    "token-malformed-basic: 401 with WWW-Authenticate: Basic");
	ep_token(&t, NULL, "grant_type=password&"
	    "client_id=7b5e2c1e-0000-4000-8000-000000000000&client_secret=x&"
	    "username=alice%%40example.com&password=correct+horse");
	tk_is_error(&t, "401:invalid_client",
	    "token-unknown-client: invalid_client");
	ep_token(&t, NULL, "grant_type=password&"
	    "username=alice%%40example.com&password=correct+horse");
	tk_is_error(&t, "401:invalid_client",
	    "token-no-client-auth: invalid_client");
	if (admin_client_revoke(&t.app, rid, err, sizeof(err)) == -1) {
		printf("Bail out! client revoke: %s\n", err);
		return 1;
	}
	ep_token(&t, ep_basic(rid, rsecret), "grant_type=password&"
	    "username=alice%%40example.com&password=correct+horse");
	tk_is_error(&t, "401:invalid_client",
	    "token-revoked-client: invalid_client");
	return ep_finish(&t);
}
