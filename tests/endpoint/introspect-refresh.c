/*
 * Introspecting a refresh token (RFC 7662 §2.1): another client's is not
 * active for the caller, even a resource server; its own client sees it
 * active as a refresh_token; and token_type_hint is only a hint (§2.1:
 * a wrong one still finds the token).
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
	rl_introspect(&t, w.rs_auth, tk.refresh, NULL);
	ep_is(rl_answer(&t, "active", NULL), "200:false",
	    "introspect-foreign-refresh: another client's refresh token is "
	    "not active for it");
	rl_introspect(&t, w.app_auth, tk.refresh, NULL);
	ep_is(rl_answer(&t, "active", "token_type", NULL),
	    "200:true:refresh_token",
	    "introspect-own-refresh: its own client sees it active");
	ep_is_int(rl_introspect(&t, w.rs_auth, tk.refresh,
	    "&token_type_hint=access_token"), 200,
	    "introspect-hint-not-trusted: a wrong hint still finds the token");
	return ep_finish(&t);
}
