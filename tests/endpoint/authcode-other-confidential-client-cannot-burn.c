/*
 * Another confidential client, authenticated with its own secret, cannot
 * burn a code either (RFC 6749 §4.1.3, §10.5): invalid_grant, and the
 * code stays good for the client it was issued to.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 code[512], got[128];

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(code, sizeof(code), "%s", ac_code(&t, &jar, w.q));
	ac_as_other(&t, &w, code);
	snprintf(got, sizeof(got), "%d:%s:%s", t.resp.status,
	    ep_json(&t, "error") ? ep_json(&t, "error") : "(none)",
	    ac_code_unused(&t, code));
	ep_is(got, "400:invalid_grant:t",
	    "authcode-other-confidential-client-cannot-burn: invalid_grant, "
	    "the code unused");
	ep_is_int(ac_exchange(&t, &w, code, ""), 200,
	    "authcode-other-confidential-client-cannot-burn: its own client "
	    "then exchanges it");
	return ep_finish(&t);
}
