/*
 * The nonce is bounded and printable (Core §3.1.2.1, NONCE_MAX): a tab
 * or a byte beyond ASCII goes back as invalid_request "malformed
 * nonce"; 512 bytes are taken; 513 are over the parameter's bound, an
 * error page as for every over-long parameter (nothing redirected).
 */
#include "oidc-lib.h"

static const char *
with_nonce(const struct oidc_world *w, const char *nonce)
{
	static char	more[2048];

	snprintf(more, sizeof(more), "&nonce=%s", nonce);
	return oidc_query(w->cid, "openid", more);
}

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	char			 n[520];

	oidc_world(&t, &w, NULL);
	ac_code(&t, &w.jar, with_nonce(&w, "a%09b"));
	ep_ok(t.resp.status == 302 &&
	    ac_eq(ac_loc_param(&t, "error"), "invalid_request") &&
	    ac_eq(ac_loc_param(&t, "error_description"), "malformed nonce"),
	    "oidc-nonce-malformed-control: a tab is invalid_request");
	ac_code(&t, &w.jar, with_nonce(&w, "caf%C3%A9"));
	ep_ok(t.resp.status == 302 &&
	    ac_eq(ac_loc_param(&t, "error_description"), "malformed nonce"),
	    "oidc-nonce-malformed-non-ascii: UTF-8 is invalid_request");
	memset(n, 'x', 512);
	n[512] = '\0';
	ep_ok(ac_code(&t, &w.jar, with_nonce(&w, n)) != NULL,
	    "oidc-nonce-max: 512 bytes are a nonce");
	n[512] = 'x';
	n[513] = '\0';
	ac_code(&t, &w.jar, with_nonce(&w, n));
	ep_ok(t.resp.status == 400 && ep_header(&t, "Location") == NULL,
	    "oidc-nonce-too-long: 513 bytes, an error page, no redirect");
	return ep_finish(&t);
}
