/*
 * RFC 7662 §2.1, who may introspect what: a client sees the tokens issued
 * to it; another client gets {"active":false} (no username), for a
 * password grant's token as for a client_credentials one; a client
 * registered as a resource server sees others' access tokens, with the
 * token's user and client.
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep		 t;
	struct rl_world		 w;
	struct rl_tokens	 tk;
	struct client_spec	 b = { .name = "Tenant B",
				    .kind = CLIENT_CREDENTIALS };
	struct client_spec	 c = { .name = "Tenant C",
				    .kind = CLIENT_CREDENTIALS };
	char			 b_id[UUID_TEXT_LEN + 1], c_id[UUID_TEXT_LEN + 1];
	char			 b_secret[SECRET_TEXT_LEN + 1];
	char			 c_secret[SECRET_TEXT_LEN + 1];
	char			 b_auth[1024], bt[RL_TOKEN_MAX], want[256];
	char			 err[256];

	ep_start(&t, NULL);
	rl_world(&t, &w);
	ep_client(&t, &b, b_id, b_secret);
	ep_client(&t, &c, c_id, c_secret);
	snprintf(b_auth, sizeof(b_auth), "%s", ep_basic(b_id, b_secret));
	rl_ivy(&t, &w, &tk);
	rl_introspect(&t, b_auth, tk.access, NULL);
	ep_ok(t.resp.status == 200 && rl_eq(t.body, "{\"active\":false}",
	    "body"), "introspect-other-client-access: another client's "
	    "access token is {\"active\":false}, no username (RFC 7662 §2.1)");
	ep_token(&t, b_auth, "grant_type=client_credentials");
	snprintf(bt, sizeof(bt), "%s", ep_json(&t, "access_token"));
	rl_introspect(&t, ep_basic(c_id, c_secret), bt, NULL);
	ep_is(rl_answer(&t, "active", NULL), "200:false",
	    "introspect-other-client-access: nor is a client_credentials "
	    "token of another client");
	if (admin_client_resource_server(&t.app, b_id, 1, err,
	    sizeof(err)) == -1) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	rl_introspect(&t, b_auth, tk.access, NULL);
	snprintf(want, sizeof(want), "200:true:i@example.com:%s", w.app_id);
	ep_is(rl_answer(&t, "active", "username", "client_id", NULL), want,
	    "introspect-resource-server: with the token's user and client");
	return ep_finish(&t);
}
