/*
 * Revoking an access token (RFC 7009 §2.1): 200; introspection then says
 * inactive, /api/user refuses it, and the refresh token issued with it is
 * revoked too (§2.1: the server may revoke the grant's other tokens).
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep		 t;
	struct rl_world		 w;
	struct rl_tokens	 tk;

	ep_start(&t, NULL);
	rl_world(&t, &w);
	rl_ivy(&t, &w, &tk);
	ep_is_int(rl_revoke(&t, w.app_auth, tk.access, NULL), 200,
	    "revoke-access: 200");
	rl_introspect(&t, w.rs_auth, tk.access, NULL);
	ep_is(ep_json(&t, "active"), "false",
	    "revoke-access: introspection says inactive");
	ep_is_int(rl_user(&t, tk.access), 401,
	    "revoke-access: /api/user refuses it");
	rl_refresh(&t, w.app_id, w.app_secret, tk.refresh, NULL);
	ep_is(rl_answer(&t, "error", NULL), "400:invalid_grant",
	    "revoke-access-takes-refresh: its refresh token is revoked too");
	return ep_finish(&t);
}
