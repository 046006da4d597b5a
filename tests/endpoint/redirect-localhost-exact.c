/*
 * localhost is not a loopback literal (RFC 8252 §8.3): its URI is
 * compared exactly, so another port is refused and the registered one
 * works.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_rworld	 w;
	const char		*loc;

	ac_rworld(&t, &w);
	ep_ok(ac_rrefused(&t, &w, AC_LOCALHOST, "http://localhost:49152/cb"),
	    "redirect-localhost-exact: http://localhost:49152/cb refused for "
	    "http://localhost/cb");
	loc = ac_rauthorize(&t, &w, AC_LOCALHOST, "http://localhost/cb",
	    "approve");
	ep_ok(loc != NULL && strncmp(loc, "http://localhost/cb?code=", 25) == 0,
	    "redirect-localhost-exact: the registered one works");
	return ep_finish(&t);
}
