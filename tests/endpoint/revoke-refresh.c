/*
 * Revoking a refresh token (RFC 7009 §2.1): 200, and the access tokens of
 * its family go with it (§2.1: "SHOULD also invalidate all access tokens
 * based on the same authorization grant"); the hint is only a hint (§2.1:
 * a refresh token sent with token_type_hint=access_token is revoked).
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep		 t;
	struct rl_world		 w;
	struct rl_tokens	 first, second, tk;
	int			 a1, a2;

	ep_start(&t, NULL);
	rl_world(&t, &w);
	rl_ivy(&t, &w, &first);
	rl_refresh(&t, w.app_id, w.app_secret, first.refresh, &second);
	ep_is_int(rl_revoke(&t, w.app_auth, second.refresh,
	    "&token_type_hint=refresh_token"), 200, "revoke-refresh: 200");
	a1 = rl_user(&t, first.access);
	a2 = rl_user(&t, second.access);
	ep_ok(a1 == 401 && a2 == 401, "revoke-refresh-family: the family's "
	    "access tokens are revoked");
	rl_ivy(&t, &w, &tk);
	rl_revoke(&t, w.app_auth, tk.refresh, "&token_type_hint=access_token");
	rl_refresh(&t, w.app_id, w.app_secret, tk.refresh, NULL);
	ep_is(rl_answer(&t, "error", NULL), "400:invalid_grant",
	    "revoke-hint-not-trusted: a refresh token sent with hint "
	    "access_token is revoked");
	return ep_finish(&t);
}
