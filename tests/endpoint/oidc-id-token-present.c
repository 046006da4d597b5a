/*
 * OpenID Connect Core §3.1.3.3: the code exchange of a request whose
 * scope holds openid answers with an id_token beside the access token;
 * one without openid, a plain OAuth grant, with none.
 */
#include "oidc-lib.h"

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	static char		 at[OIDC_TOKEN_MAX], idt[OIDC_TOKEN_MAX];
	int			 status;

	oidc_world(&t, &w, NULL);
	status = oidc_tokens(&t, &w, "openid read", "", at, idt);
	ep_ok(status == 200 && *at != '\0' && *idt != '\0' &&
	    ac_eq(ep_json(&t, "scope"), "openid read"),
	    "oidc-id-token-present: openid gets an id_token beside the "
	    "access token");
	status = oidc_tokens(&t, &w, "read", "", at, idt);
	ep_ok(status == 200 && *at != '\0' && *idt == '\0',
	    "oidc-id-token-absent: without openid, no id_token");
	return ep_finish(&t);
}
