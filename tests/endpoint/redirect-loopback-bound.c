/*
 * Only the port of a loopback redirect URI may differ (RFC 8252 §7.3):
 * another path, a trailing slash, another host, the other address family
 * or https are refused with a page and no redirect (RFC 6749 §4.1.2.1).
 */
#include "authcode-lib.h"

int
main(void)
{
	static const char *const asked[] = {
		"http://127.0.0.1:49152/other", "http://127.0.0.1:49152/cb/",
		"http://127.0.0.2:49152/cb", "http://[::1]:49152/cb",
		"https://127.0.0.1:49152/cb",
	};
	struct ep		 t;
	struct ac_rworld	 w;
	size_t			 i;

	ac_rworld(&t, &w);
	for (i = 0; i < sizeof(asked) / sizeof(asked[0]); i++)
		ep_ok(ac_rrefused(&t, &w, AC_LO4, asked[i]),
		    "redirect-loopback-bound: %s refused with a page, no "
		    "redirect", asked[i]);
	return ep_finish(&t);
}
