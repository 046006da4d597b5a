/*
 * The id_token carries the claims the granted scopes release (Core
 * §5.4): email releases email and email_verified, profile updated_at
 * (and name, which alice has none of); an ungranted scope's claims stay
 * out.
 */
#include "oidc-lib.h"

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	static char		 at[OIDC_TOKEN_MAX], idt[OIDC_TOKEN_MAX];
	char			 updated[32];
	json_object		*c;

	oidc_world(&t, &w, NULL);
	snprintf(updated, sizeof(updated), "%s", ep_sql(&t, "SELECT "
	    "extract(epoch FROM updated_at)::bigint FROM users", NULL));
	oidc_tokens(&t, &w, "openid email profile", "", at, idt);
	c = ep_jwt_claims(idt);
	ep_is(oidc_members(c), "amr at_hash aud auth_time azp email "
	    "email_verified exp iat iss sid sub updated_at",
	    "oidc-id-token-scope-claims: email's and profile's claims");
	ep_ok(ac_eq(ep_claim(c, "email"), "alice@example.com") &&
	    ac_eq(ep_claim(c, "email_verified"), "false") &&
	    ac_eq(ep_claim(c, "updated_at"), updated),
	    "oidc-id-token-scope-claims-values: the user's");
	json_object_put(c);
	oidc_tokens(&t, &w, "openid profile", "", at, idt);
	c = ep_jwt_claims(idt);
	ep_ok(c != NULL && ep_claim(c, "email") == NULL &&
	    ep_claim(c, "updated_at") != NULL, "oidc-id-token-scope-claims-"
	    "ungranted: no email without the email scope");
	json_object_put(c);
	return ep_finish(&t);
}
