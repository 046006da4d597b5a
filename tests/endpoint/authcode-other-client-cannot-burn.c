/*
 * A code is burnt only by its own client (RFC 6749 §4.1.3: "ensure that
 * the authorization code was issued to the authenticated confidential
 * client, or ... to client_id" of a public one; §10.5): a public
 * client's try is invalid_grant and leaves the code unused for the client
 * it was issued to.
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
	ac_as_public(&t, &w, code);
	snprintf(got, sizeof(got), "%d:%s:%s", t.resp.status,
	    ep_json(&t, "error") ? ep_json(&t, "error") : "(none)",
	    ac_code_unused(&t, code));
	ep_is(got, "400:invalid_grant:t", "authcode-other-client-cannot-burn: "
	    "a public client's try is invalid_grant, the code unused");
	ac_exchange(&t, &w, code, "");
	snprintf(got, sizeof(got), "%d:%s", t.resp.status,
	    ep_json(&t, "token_type") ? ep_json(&t, "token_type") : "(none)");
	ep_is(got, "200:Bearer", "authcode-other-client-cannot-burn: "
	    "its own client then exchanges it");
	return ep_finish(&t);
}
