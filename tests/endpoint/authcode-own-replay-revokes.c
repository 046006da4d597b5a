/*
 * Its own client replaying a used code (RFC 6749 §4.1.2) gets
 * invalid_grant, and every token the code gave is revoked, the refresh
 * tokens rotated from it too (RFC 9700 §4.14.2).
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 code[512], at[4096], rt[512], got[128];
	char			 error[64];
	int			 status;

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(code, sizeof(code), "%s", ac_code(&t, &jar, w.q));
	ac_exchange(&t, &w, code, "");
	snprintf(at, sizeof(at), "%s", ep_json(&t, "access_token") ?
	    ep_json(&t, "access_token") : "");
	snprintf(rt, sizeof(rt), "%s", ep_json(&t, "refresh_token") ?
	    ep_json(&t, "refresh_token") : "");
	/* One rotation: the refresh token the replay must also end. */
	ep_token(&t, ep_basic(w.cid, w.csecret),
	    "grant_type=refresh_token&refresh_token=%s", ac_enc(rt));
	snprintf(rt, sizeof(rt), "%s", ep_json(&t, "refresh_token") ?
	    ep_json(&t, "refresh_token") : "");
	ep_ok(t.resp.status == 200 && *rt && ac_api_user(&t, at) == 200,
	    "authcode-own-replay-revokes: before the replay the tokens work");
	ac_exchange(&t, &w, code, "");
	ac_is_error(&t, 400, "invalid_grant", "authcode-own-replay-revokes: "
	    "its own client's replay is invalid_grant");
	status = ep_token(&t, ep_basic(w.cid, w.csecret),
	    "grant_type=refresh_token&refresh_token=%s", ac_enc(rt));
	snprintf(error, sizeof(error), "%s", ep_json(&t, "error") ?
	    ep_json(&t, "error") : "(none)");
	snprintf(got, sizeof(got), "%d:%d:%s", ac_api_user(&t, at), status,
	    error);
	ep_is(got, "401:400:invalid_grant", "authcode-own-replay-revokes: "
	    "the tokens it gave are revoked, refreshed ones too");
	return ep_finish(&t);
}
