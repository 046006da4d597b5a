/*
 * /oauth/request?client=ID, the seed's shortcut into the flow: a redirect
 * to the authorization endpoint for that client with its registered
 * redirect URI (RFC 6749 §4.1.1).
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	char			 target[128], want[128];
	const char		*loc;

	ac_world(&t, &w, NULL);
	snprintf(target, sizeof(target), "/oauth/request?client=%s",
	    w.single_id);
	ep_is_int(ac_get(&t, NULL, target), 302, "authz-request-route: "
	    "/oauth/request?client=ID redirects into the flow");
	loc = ep_header(&t, "Location");
	snprintf(want, sizeof(want), "client_id=%s", w.single_id);
	ep_ok(loc != NULL && strncmp(loc, "https://issuer.test/oauth/"
	    "authorize?", 36) == 0 && strstr(loc, want) != NULL &&
	    ac_loc_param(&t, "redirect_uri") != NULL &&
	    strcmp(ac_loc_param(&t, "redirect_uri"), AC_CB) == 0,
	    "authz-request-route: with the registered redirect URI");
	return ep_finish(&t);
}
