/*
 * Loopback redirect URIs accept any port (RFC 8252 §7.3, RFC 9700
 * §4.1.3): registered without a port, asked with the one the app listens
 * on; the IPv6 literal registered with a port, asked with another or
 * none; the registered URI itself still works.
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

	ac_rworld(&t, &w);
	ep_ok(starts(ac_rauthorize(&t, &w, AC_LO4, "http://127.0.0.1:49152/cb",
	    "approve"), "http://127.0.0.1:49152/cb?code="),
	    "redirect-loopback-any-port: http://127.0.0.1/cb registered, "
	    "http://127.0.0.1:49152/cb asked and redirected to");
	ep_ok(starts(ac_rauthorize(&t, &w, AC_LO4, "http://127.0.0.1/cb",
	    "approve"), "http://127.0.0.1/cb?code="),
	    "redirect-loopback-any-port: the registered URI itself still "
	    "works");
	ep_ok(starts(ac_rauthorize(&t, &w, AC_LO6, "http://[::1]:49153/cb",
	    "approve"), "http://[::1]:49153/cb?code="),
	    "redirect-loopback-any-port-ipv6: http://[::1]:8080/cb registered, "
	    "http://[::1]:49153/cb asked");
	ep_ok(starts(ac_rauthorize(&t, &w, AC_LO6, "http://[::1]/cb",
	    "approve"), "http://[::1]/cb?code="),
	    "redirect-loopback-any-port-ipv6: or no port at all");
	return ep_finish(&t);
}
