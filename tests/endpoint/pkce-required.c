/*
 * A public client must use PKCE (RFC 9700 §2.1.1, RFC 7636 §4.4.1): no
 * code_challenge is invalid_request, and so is the plain method, off by
 * default (RFC 9700 §2.1.1: S256).
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 pq[512], target[1024];
	char			 verifier[44], challenge[44];

	ac_world(&t, &w, NULL);
	ac_pkce(verifier, challenge);
	snprintf(pq, sizeof(pq), "response_type=code&client_id=%s"
	    "&redirect_uri=com.example.app%%3A%%2Fcb&state=p1", w.pub_id);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(target, sizeof(target), "/oauth/authorize?%s", pq);
	ac_get(&t, &jar, target);
	ep_is(ac_loc_param(&t, "error"), "invalid_request",
	    "pkce-required-public: a public client without code_challenge "
	    "is refused");
	snprintf(target, sizeof(target), "/oauth/authorize?%s"
	    "&code_challenge=%s&code_challenge_method=plain", pq, challenge);
	ac_get(&t, &jar, target);
	ep_is(ac_loc_param(&t, "error"), "invalid_request",
	    "pkce-plain-off: plain is refused by default (RFC 9700)");
	return ep_finish(&t);
}
