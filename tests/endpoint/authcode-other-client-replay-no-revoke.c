/*
 * The revocation a replay earns (RFC 6749 §4.1.2: "SHOULD revoke ... all
 * tokens previously issued based on that code") is for the code's own
 * client: another client presenting the used code gets invalid_grant and
 * revokes nothing, so the owner's access and refresh tokens still work.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 code[512], at[4096], rt[512], got[128];

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(code, sizeof(code), "%s", ac_code(&t, &jar, w.q));
	ac_exchange(&t, &w, code, "");
	snprintf(at, sizeof(at), "%s", ep_json(&t, "access_token") ?
	    ep_json(&t, "access_token") : "");
	snprintf(rt, sizeof(rt), "%s", ep_json(&t, "refresh_token") ?
	    ep_json(&t, "refresh_token") : "");
	ac_as_other(&t, &w, code);
	ac_is_error(&t, 400, "invalid_grant",
	    "authcode-other-client-replay-no-revoke: another client's replay "
	    "is invalid_grant");
	ac_as_public(&t, &w, code);
	snprintf(got, sizeof(got), "%d:%s", ac_api_user(&t, at),
	    ep_sql(&t, "SELECT revoked FROM oauth_auth_codes WHERE "
	    "id = sha256(convert_to($1, 'UTF8'))", code, NULL));
	ep_is(got, "200:f", "authcode-other-client-replay-no-revoke: "
	    "the owner's access token still works");
	ep_is_int(ep_token(&t, ep_basic(w.cid, w.csecret),
	    "grant_type=refresh_token&refresh_token=%s", ac_enc(rt)), 200,
	    "authcode-other-client-replay-no-revoke: the owner's refresh "
	    "token still works");
	return ep_finish(&t);
}
