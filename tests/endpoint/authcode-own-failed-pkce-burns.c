/*
 * Its own client failing the PKCE check (RFC 7636 §4.6) burns the code:
 * a wrong verifier, then the right one, are both refused; the client
 * starts the flow again.
 */
#include "authcode-lib.h"

static struct ep	t;
static char		pubcb_id[UUID_TEXT_LEN + 1];

static int
pexchange(const char *code, const char *verifier)
{
	return ep_token(&t, NULL, "grant_type=authorization_code"
	    "&client_id=%s&code=%s&redirect_uri=%s&code_verifier=%s",
	    pubcb_id, ac_enc(code), ac_enc(AC_CB), verifier);
}

int
main(void)
{
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 verifier[44], challenge[44], wrong[44];
	char			 pq[1024], code[512], got[32];
	const char		*c;
	int			 first;

	ac_world(&t, &w, NULL);
	snprintf(pubcb_id, sizeof(pubcb_id), "%s", w.pubcb_id);
	ac_pkce(verifier, challenge);
	snprintf(pq, sizeof(pq), "response_type=code&client_id=%s"
	    "&redirect_uri=%s&state=p&code_challenge=%s"
	    "&code_challenge_method=S256", w.pubcb_id, ac_enc(AC_CB),
	    challenge);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	c = ac_code(&t, &jar, pq);
	snprintf(code, sizeof(code), "%s", c ? c : "");
	snprintf(wrong, sizeof(wrong), "%s", verifier);
	wrong[42] = wrong[42] == 'x' ? 'y' : 'x';
	first = pexchange(code, wrong);
	snprintf(got, sizeof(got), "%d:%d", first, pexchange(code, verifier));
	ep_is(got, "400:400", "authcode-own-failed-pkce-burns: a wrong "
	    "verifier from its own client burns the code");
	return ep_finish(&t);
}
