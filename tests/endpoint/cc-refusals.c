/*
 * What client_credentials refuses (RFC 6749 §5.2): an unknown scope
 * (invalid_scope), a client not registered for the grant
 * (unauthorized_client), a wrong secret (401 invalid_client), and the
 * client of a disabled owner (invalid_grant).
 */
#include "ep.h"

static void
is_error(struct ep *t, int status, const char *error, const char *desc)
{
	char	got[128], want[128];

	snprintf(got, sizeof(got), "%d:%s", t->resp.status,
	    ep_json(t, "error") ? ep_json(t, "error") : "(none)");
	snprintf(want, sizeof(want), "%d:%s", status, error);
	ep_is(got, want, desc);
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 cc = { .name = "Owned service",
				    .kind = CLIENT_CREDENTIALS };
	struct client_spec	 pw = { .name = "Password only",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1], pw_id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 pw_secret[SECRET_TEXT_LEN + 1];
	char			 owner[64];

	ep_start(&t, "default_scope = read");
	ep_scope(&t, "read", "read things");
	snprintf(owner, sizeof(owner), "%s",
	    ep_user(&t, "owner@example.com", "read", "pw"));
	cc.user_id = owner;
	ep_client(&t, &cc, id, secret);
	ep_client(&t, &pw, pw_id, pw_secret);

	ep_token(&t, ep_basic(id, secret),
	    "grant_type=client_credentials&scope=nosuch");
	is_error(&t, 400, "invalid_scope", "cc-unknown-scope: invalid_scope");
	ep_token(&t, ep_basic(pw_id, pw_secret),
	    "grant_type=client_credentials");
	is_error(&t, 400, "unauthorized_client",
	    "cc-unauthorized-client: a client without the grant");
	ep_token(&t, ep_basic(id, "wrong"), "grant_type=client_credentials");
	is_error(&t, 401, "invalid_client", "cc-wrong-secret: invalid_client");
	ep_sql(&t, "UPDATE users SET revoked = true WHERE id = $1", owner,
	    NULL);
	ep_token(&t, ep_basic(id, secret), "grant_type=client_credentials");
	is_error(&t, 400, "invalid_grant",
	    "cc-owner-disabled: a disabled owner's client gets invalid_grant");
	return ep_finish(&t);
}
