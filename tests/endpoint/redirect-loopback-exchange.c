/*
 * The code is bound to the loopback URI asked, port and all (RFC 6749
 * §4.1.3): the registered URI without the port is not the one the code
 * was given to; the asked one buys a token.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_rworld	 w;
	char			 code[512], got[64];

	ac_rworld(&t, &w);
	snprintf(code, sizeof(code), "%s", ac_code_of(ac_rauthorize(&t, &w,
	    AC_LO4, "http://127.0.0.1:49152/cb", "approve")));
	ac_rexchange(&t, &w, AC_LO4, "http://127.0.0.1/cb", code);
	ac_is_error(&t, 400, "invalid_grant", "redirect-loopback-exchange: "
	    "the registered URI without the asked port is not the one the "
	    "code was given to");
	snprintf(code, sizeof(code), "%s", ac_code_of(ac_rauthorize(&t, &w,
	    AC_LO4, "http://127.0.0.1:49152/cb", "approve")));
	ac_rexchange(&t, &w, AC_LO4, "http://127.0.0.1:49152/cb", code);
	snprintf(got, sizeof(got), "%d:%s", t.resp.status,
	    ep_json(&t, "token_type") ? ep_json(&t, "token_type") : "(none)");
	ep_is(got, "200:Bearer", "redirect-loopback-exchange: the code with "
	    "redirect_uri=http://127.0.0.1:49152/cb buys a token");
	return ep_finish(&t);
}
