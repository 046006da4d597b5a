/*
 * Approving consent redirects to the redirect URI with the code, the
 * state (RFC 6749 §4.1.2) and iss (RFC 9207 §2); the code buys access
 * and refresh tokens (§4.1.3, §5.1) that /api/user accepts.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	const char		*loc;
	char			 code[512], at[4096], got[128];

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ac_get(&t, &jar, w.target);
	ac_consent(&t, &jar, "approve");
	loc = ep_header(&t, "Location");
	ep_ok(t.resp.status == 302 && loc != NULL &&
	    strncmp(loc, AC_CB "?", strlen(AC_CB) + 1) == 0 &&
	    ac_eq(ac_loc_param(&t, "state"), "s-123") &&
	    ac_eq(ac_loc_param(&t, "iss"), "https://issuer.test"),
	    "authz-approve: 302 to the redirect URI with code, state and iss");
	snprintf(code, sizeof(code), "%s", ac_loc_param(&t, "code") ?
	    ac_loc_param(&t, "code") : "");
	ep_ok(ac_exchange(&t, &w, code, "") == 200 &&
	    ac_eq(ep_json(&t, "scope"), "read write") &&
	    ep_json(&t, "refresh_token") != NULL,
	    "token-authcode-ok: the code buys access and refresh tokens");
	snprintf(at, sizeof(at), "%s", ep_json(&t, "access_token") ?
	    ep_json(&t, "access_token") : "");
	ac_api_user(&t, at);
	snprintf(got, sizeof(got), "%d:%s", t.resp.status,
	    ep_json(&t, "email") ? ep_json(&t, "email") : "(none)");
	ep_is(got, "200:alice@example.com",
	    "token-authcode-api-user: /api/user with that token");
	return ep_finish(&t);
}
