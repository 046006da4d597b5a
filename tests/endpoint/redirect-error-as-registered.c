/*
 * An error redirect is the registered string too (RFC 6749 §4.1.2.1):
 * unsupported_response_type with the state, and access_denied.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_rworld	 w;
	const char		*loc;
	char			 target[1024];

	ac_rworld(&t, &w);
	snprintf(target, sizeof(target), "/oauth/authorize?response_type=token"
	    "&client_id=%s&redirect_uri=%s&state=s2", w.id[AC_APP],
	    ac_enc("com.example.app:/oauth2redirect"));
	ac_get(&t, &w.jar, target);
	loc = ep_header(&t, "Location");
	ep_ok(t.resp.status == 302 && loc != NULL && strncmp(loc,
	    "com.example.app:/oauth2redirect?error=unsupported_response_type&",
	    64) == 0 && ac_eq(ac_loc_param(&t, "state"), "s2"),
	    "redirect-error-as-registered: an error goes to "
	    "com.example.app:/oauth2redirect?error=…");
	loc = ac_rauthorize(&t, &w, AC_MYAPP, "myapp://callback", "deny");
	ep_ok(loc != NULL && strncmp(loc, "myapp://callback?error="
	    "access_denied&", 37) == 0, "redirect-error-as-registered: "
	    "access_denied goes to myapp://callback?error=…");
	return ep_finish(&t);
}
