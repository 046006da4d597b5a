/*
 * /api/user checks more than the signature: a revoked user's or a
 * revoked client's token is refused (401), and works again once they are
 * restored; a token whose issuer is not ours is refused (RFC 9068 §4:
 * iss must match), as is a client_credentials token without an owner
 * (no user to show).
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep		 t;
	struct rl_ann		 a;
	struct client_spec	 svc = { .name = "Svc",
				    .kind = CLIENT_CREDENTIALS };
	char			 at[RL_TOKEN_MAX], err[256];
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];

	ep_start(&t, RL_ANN_CONFIG);
	rl_ann_world(&t, &a);
	snprintf(at, sizeof(at), "%s", rl_ann_token(&t, &a, "profile"));
	ep_sql(&t, "UPDATE users SET revoked = true WHERE id = $1", a.ann,
	    NULL);
	ep_is_int(rl_user(&t, at), 401, "api-user-user-revoked: 401");
	ep_sql(&t, "UPDATE users SET revoked = false WHERE id = $1", a.ann,
	    NULL);
	if (admin_client_revoke(&t.app, a.app_id, err, sizeof(err)) == -1) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	ep_is_int(rl_user(&t, at), 401, "api-user-client-revoked: 401");
	ep_sql(&t, "UPDATE oauth_clients SET revoked = false WHERE id = $1",
	    a.app_id, NULL);
	ep_is_int(rl_user(&t, at), 200, "api-user-restored: 200 again");

	ep_client(&t, &svc, id, secret);
	ep_token(&t, ep_basic(id, secret),
	    "grant_type=client_credentials&scope=profile");
	ep_is_int(rl_user(&t, ep_json(&t, "access_token")), 401,
	    "api-user-no-user: a client credentials token without owner has "
	    "no user");

	/* What a restart with another issuer in the config does. */
	free(t.app.cfg.issuer);
	t.app.cfg.issuer = strdup("http://elsewhere.example");
	ep_is_int(rl_user(&t, at), 401,
	    "api-user-wrong-issuer: a token of another issuer is refused");
	return ep_finish(&t);
}
