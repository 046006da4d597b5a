/*
 * A client not registered with require_nonce may leave the nonce out of
 * an openid request (Core §3.1.2.1: OPTIONAL for the code flow): the
 * code comes, and its row has no nonce.
 */
#include "oidc-lib.h"

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	const char		*code;

	oidc_world(&t, &w, NULL);
	code = ac_code(&t, &w.jar, oidc_query(w.cid, "openid", ""));
	ep_ok(code != NULL, "oidc-nonce-optional: an openid request without "
	    "a nonce gets a code");
	ep_ok(code != NULL && ep_sql(&t, "SELECT nonce FROM oauth_auth_codes "
	    "WHERE id = sha256(convert_to($1, 'UTF8'))", code, NULL) == NULL,
	    "oidc-nonce-optional-none-stored: the code has no nonce");
	return ep_finish(&t);
}
