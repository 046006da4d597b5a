/*
 * A code used twice (RFC 6749 §4.1.2: "MUST NOT be used more than once
 * ... SHOULD revoke all tokens previously issued based on that code"):
 * the replay is invalid_grant and the tokens the code gave are revoked.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 code[512], at[4096];

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(code, sizeof(code), "%s", ac_code(&t, &jar, w.q));
	ac_exchange(&t, &w, code, "");
	snprintf(at, sizeof(at), "%s", ep_json(&t, "access_token") ?
	    ep_json(&t, "access_token") : "");
	ep_is_int(ac_api_user(&t, at), 200, "token-authcode-replay: "
	    "the first exchange's token works");
	ac_exchange(&t, &w, code, "");
	ac_is_error(&t, 400, "invalid_grant",
	    "token-authcode-replay: a code used twice is invalid_grant");
	ep_is_int(ac_api_user(&t, at), 401, "token-authcode-replay-revokes: "
	    "the tokens it gave are revoked");
	return ep_finish(&t);
}
