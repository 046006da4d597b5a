/*
 * A client registered with require_nonce (Core §3.1.2.1): an openid
 * request without a nonce goes back to it as invalid_request, with the
 * state (RFC 6749 §4.1.2.1), and gives no code; a request of it without
 * openid is plain OAuth and needs none; with a nonce the code comes.
 */
#include "oidc-lib.h"

/* got += sep and the Location's parameter (ac_loc_param's buffer is one). */
static void
param(char *got, size_t size, const struct ep *t, const char *sep,
    const char *name)
{
	const char	*v = ac_loc_param(t, name);
	size_t		 n = strlen(got);

	snprintf(got + n, size - n, "%s%s", sep, v ? v : "(none)");
}

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	char			 got[256];
	const char		*q;

	oidc_world(&t, &w, NULL);
	q = oidc_query(w.nid, "openid read", "");
	ep_ok(ac_code(&t, &w.jar, q) == NULL, "oidc-nonce-required-no-code: "
	    "no code without the nonce");
	snprintf(got, sizeof(got), "%d %.*s", t.resp.status,
	    (int)strlen(AC_CB), ep_header(&t, "Location") ?
	    ep_header(&t, "Location") : "(none)");
	param(got, sizeof(got), &t, " ", "error");
	param(got, sizeof(got), &t, "|", "error_description");
	param(got, sizeof(got), &t, "|", "state");
	ep_is(got, "302 " AC_CB " invalid_request|nonce is required|s-1",
	    "oidc-nonce-required: Core §3.1.2.1, an error redirect with the "
	    "state");
	ep_ok(ac_code(&t, &w.jar, oidc_query(w.nid, "read", "")) != NULL,
	    "oidc-nonce-required-not-oauth: a request without openid needs "
	    "no nonce");
	ep_ok(ac_code(&t, &w.jar, oidc_query(w.nid, "openid", "&nonce=n-1")) !=
	    NULL, "oidc-nonce-required-given: with the nonce, a code");
	return ep_finish(&t);
}
