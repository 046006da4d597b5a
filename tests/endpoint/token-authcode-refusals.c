/*
 * What the token endpoint refuses for a code (RFC 6749 §4.1.3, §5.2
 * invalid_grant): another redirect_uri than the one it was given to,
 * another client, an expired or unknown code; and the code's row is keyed
 * by its SHA-256, not the code.
 */
#include "authcode-lib.h"

static const char *
hashed(struct ep *t, const char *code)
{
	return ep_sql(t, "SELECT count(*) FROM oauth_auth_codes WHERE "
	    "id = sha256(convert_to($1, 'UTF8'))", code, NULL);
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 code[512];

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(code, sizeof(code), "%s", ac_code(&t, &jar, w.q));
	ep_token(&t, ep_basic(w.cid, w.csecret), "grant_type="
	    "authorization_code&code=%s&redirect_uri=%s", ac_enc(code),
	    ac_enc("https://app.example/other?x=1"));
	ac_is_error(&t, 400, "invalid_grant",
	    "token-authcode-redirect-mismatch: invalid_grant");
	snprintf(code, sizeof(code), "%s", ac_code(&t, &jar, w.q));
	ep_token(&t, ep_basic(w.single_id, w.single_secret), "grant_type="
	    "authorization_code&code=%s&redirect_uri=%s", ac_enc(code),
	    ac_enc(AC_CB));
	ac_is_error(&t, 400, "invalid_grant",
	    "token-authcode-other-client: invalid_grant");
	snprintf(code, sizeof(code), "%s", ac_code(&t, &jar, w.q));
	ep_sql(&t, "UPDATE oauth_auth_codes SET expires_at = now() - "
	    "interval '1 s' WHERE id = sha256(convert_to($1, 'UTF8'))",
	    code, NULL);
	ac_exchange(&t, &w, code, "");
	ac_is_error(&t, 400, "invalid_grant",
	    "token-authcode-expired: invalid_grant");
	ac_exchange(&t, &w, "nonexistent-code", "");
	ac_is_error(&t, 400, "invalid_grant",
	    "token-authcode-unknown: invalid_grant");
	ep_is(hashed(&t, code), "1", "token-authcode-stored-hashed: the "
	    "code's row is keyed by its SHA-256");
	return ep_finish(&t);
}
