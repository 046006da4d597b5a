/*
 * Nothing but the port of a loopback URI may differ (RFC 8252 §7.3): the
 * registered query with another port is accepted; another query, none,
 * one more parameter, userinfo or a host that only starts with
 * 127.0.0.1, and ports 0 or 65536 are refused.
 */
#include "authcode-lib.h"

int
main(void)
{
	static const char *const asked[] = {
		"http://127.0.0.1:5000/cb?x=2", "http://127.0.0.1:5000/cb",
		"http://127.0.0.1:5000/cb?x=1&y=2",
		"http://127.0.0.1:80@evil.example/cb?x=1",
		"http://127.0.0.1.evil.example:80/cb?x=1",
		"http://127.0.0.1:0/cb?x=1", "http://127.0.0.1:65536/cb?x=1",
	};
	struct ep		 t;
	struct ac_rworld	 w;
	const char		*loc;
	size_t			 i;

	ac_rworld(&t, &w);
	loc = ac_rauthorize(&t, &w, AC_LOQ, "http://127.0.0.1:5000/cb?x=1",
	    "approve");
	ep_ok(loc != NULL && strncmp(loc, "http://127.0.0.1:5000/cb?x=1&code=",
	    34) == 0, "redirect-loopback-only-port: the registered query, "
	    "another port: accepted");
	for (i = 0; i < sizeof(asked) / sizeof(asked[0]); i++)
		ep_ok(ac_rrefused(&t, &w, AC_LOQ, asked[i]),
		    "redirect-loopback-only-port: %s refused", asked[i]);
	return ep_finish(&t);
}
