/*
 * The code verifier at the token endpoint (RFC 7636 §4.5, §4.6): a code
 * issued with an S256 challenge is invalid_grant without the verifier or
 * with a wrong one, and buys a token with the right one from a public
 * client sending only its client_id (RFC 6749 §3.2.1).
 */
#include "authcode-lib.h"

static struct ep	 t;
static struct ac_jar	 jar;
static char		 pub_id[UUID_TEXT_LEN + 1], pq[1024];

/* A fresh code for the public client with the challenge. */
static const char *
pcode(void)
{
	static char	 code[512];
	const char	*c = ac_code(&t, &jar, pq);

	snprintf(code, sizeof(code), "%s", c ? c : "");
	return code;
}

static int
pexchange(const char *code, const char *verifier)
{
	return ep_token(&t, NULL, "grant_type=authorization_code"
	    "&client_id=%s&code=%s&redirect_uri=com.example.app%%3A%%2Fcb%s%s",
	    pub_id, ac_enc(code), verifier ? "&code_verifier=" : "",
	    verifier ? verifier : "");
}

int
main(void)
{
	struct ac_world		 w;
	char			 verifier[44], challenge[44], wrong[44];
	char			 code[512];

	ac_world(&t, &w, NULL);
	snprintf(pub_id, sizeof(pub_id), "%s", w.pub_id);
	ac_pkce(verifier, challenge);
	snprintf(pq, sizeof(pq), "response_type=code&client_id=%s"
	    "&redirect_uri=com.example.app%%3A%%2Fcb&state=p1"
	    "&code_challenge=%s&code_challenge_method=S256", w.pub_id,
	    challenge);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(code, sizeof(code), "%s", pcode());
	ep_ok(t.resp.status == 302 && *code,
	    "pkce-code: a code for the public client with S256");
	pexchange(code, NULL);
	ac_is_error(&t, 400, "invalid_grant",
	    "pkce-missing-verifier: invalid_grant");
	/* The verifier with its last character changed. */
	snprintf(wrong, sizeof(wrong), "%s", verifier);
	wrong[42] = wrong[42] == 'x' ? 'y' : 'x';
	pexchange(pcode(), wrong);
	ac_is_error(&t, 400, "invalid_grant",
	    "pkce-wrong-verifier: invalid_grant");
	ep_is_int(pexchange(pcode(), verifier), 200,
	    "pkce-ok: the right verifier, client_id only (public client)");
	return ep_finish(&t);
}
