/*
 * A wrong password is invalid_grant (RFC 6749 §5.2), not cached like
 * every token answer (§5.1), and an unknown e-mail gets the very same
 * answer, so the endpoint does not tell which users exist (§10.10).
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
	char			*wrong;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "Read your data");
	ep_user(&t, "alice@example.com", "read", "correct horse");
	ep_client(&t, &spec, id, secret);

	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=alice%%40example.com&password=wrong",
	    id, secret);
	wrong = strdup(t.body ? t.body : "");
	tk_is_error(&t, "400:invalid_grant",
	    "token-password-wrong-password: invalid_grant");
	ep_is(ep_header(&t, "Cache-Control"), "no-store",
	    "token-password-wrong-password: errors are no-store too");
	ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=nobody%%40example.com&password=wrong",
	    id, secret);
	ep_ok(t.resp.status == 400 && t.body != NULL &&
	    strcmp(t.body, wrong) == 0, "token-password-unknown-user: the "
	    "same answer as a wrong password");
	free(wrong);
	return ep_finish(&t);
}
