/*
 * Errors after the redirect URI is known go back to it (RFC 6749
 * §4.1.2.1): unsupported_response_type with the state, appended to the
 * URI's own query (§3.1.2), and invalid_scope.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 target[1024];
	const char		*loc;

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(target, sizeof(target), "/oauth/authorize?response_type=token"
	    "&client_id=%s&redirect_uri=https%%3A%%2F%%2Fapp.example%%2Fother"
	    "%%3Fx%%3D1&state=st", w.cid);
	ac_get(&t, &jar, target);
	loc = ep_header(&t, "Location");
	ep_ok(t.resp.status == 302 && loc != NULL &&
	    strncmp(loc, "https://app.example/other?x=1&", 30) == 0 &&
	    ac_eq(ac_loc_param(&t, "error"), "unsupported_response_type") &&
	    ac_eq(ac_loc_param(&t, "state"), "st"),
	    "authz-error-redirect: unsupported_response_type with state, "
	    "appended to an existing query");
	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&redirect_uri=https%%3A%%2F%%2Fapp.example%%2Fcb"
	    "&scope=nosuch&state=st", w.cid);
	ac_get(&t, &jar, target);
	ep_is(ac_loc_param(&t, "error"), "invalid_scope",
	    "authz-invalid-scope: redirected as invalid_scope");
	return ep_finish(&t);
}
