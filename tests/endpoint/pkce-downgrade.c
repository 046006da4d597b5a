/*
 * PKCE downgrade (RFC 9700 §4.8): a code issued without a challenge,
 * redeemed with a code_verifier, is refused.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 verifier[44], challenge[44], more[64];
	const char		*code;

	ac_world(&t, &w, NULL);
	ac_pkce(verifier, challenge);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	code = ac_code(&t, &jar, w.q);
	snprintf(more, sizeof(more), "&code_verifier=%s", verifier);
	ac_exchange(&t, &w, code ? code : "", more);
	ac_is_error(&t, 400, "invalid_grant", "pkce-downgrade: a verifier "
	    "for a code without challenge is refused");
	return ep_finish(&t);
}
