/* Custom claim names; see claim_name.h. */
#include <string.h>

#include "parse/claim_name.h"

/* The list of the CHECK of cpassport_user_claims, in its order. */
static const char *const registered[] = {
	"iss", "sub", "aud", "exp", "nbf", "iat", "jti", "auth_time",
	"nonce", "acr", "amr", "azp", "at_hash", "c_hash", "sid", "scope",
	"scopes", "client_id", "cnf", "name", "email", "email_verified",
	"updated_at", "given_name", "family_name", "middle_name", "nickname",
	"preferred_username", "profile", "picture", "website", "gender",
	"birthdate", "zoneinfo", "locale", "phone_number",
	"phone_number_verified", "address",
};

static int
is_alpha(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

int
claim_name_is_wellformed(const char *name)
{
	size_t	i;

	if (!is_alpha(name[0]) && name[0] != '_')
		return 0;
	for (i = 1; name[i] != '\0'; i++) {
		if (i >= CLAIM_NAME_MAX)
			return 0;
		if (!is_alpha(name[i]) && !(name[i] >= '0' && name[i] <= '9') &&
		    strchr("_.:-", name[i]) == NULL)
			return 0;
	}
	return 1;
}

int
claim_name_is_registered(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof(registered) / sizeof(registered[0]); i++)
		if (!strcmp(registered[i], name))
			return 1;
	return 0;
}

int
claim_name_valid(const char *name)
{
	return claim_name_is_wellformed(name) &&
	    !claim_name_is_registered(name);
}
