/*
 * A redirect is the registered URI byte for byte, then the query (RFC
 * 8252 §7.1, RFC 6749 §4.1.2, §3.1.2): a private-use scheme comes back as
 * itself, a custom scheme without a '/' added, a URI with a query keeps
 * it and gets &code=….
 */
#include "authcode-lib.h"

static int
starts(const char *s, const char *prefix)
{
	return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

int
main(void)
{
	struct ep		 t;
	struct ac_rworld	 w;
	const char		*loc;

	ac_rworld(&t, &w);
	ep_is_int(w.login_status, 303, "redirect-setup: signed in");
	loc = ac_rauthorize(&t, &w, AC_APP, "com.example.app:/oauth2redirect",
	    "approve");
	ep_ok(starts(loc, "com.example.app:/oauth2redirect?code="),
	    "redirect-as-registered: com.example.app:/oauth2redirect comes "
	    "back as itself + ?code=…");
	loc = ac_rauthorize(&t, &w, AC_MYAPP, "myapp://callback", "approve");
	ep_ok(starts(loc, "myapp://callback?code="), "redirect-as-registered: "
	    "myapp://callback comes back without a '/' added");
	loc = ac_rauthorize(&t, &w, AC_QUERY, "https://a/cb?x=1", "approve");
	ep_ok(starts(loc, "https://a/cb?x=1&code=") &&
	    ac_eq(ac_loc_param(&t, "state"), "s1"), "redirect-as-registered: "
	    "https://a/cb?x=1 keeps its query, appended with &code=…");
	return ep_finish(&t);
}
