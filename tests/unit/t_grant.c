/*
 * Unit tests for the grant table of lib/parse/grant.c: names parse back
 * to their grant, lists to bit sets, and the token endpoint's grants are
 * those discovery advertises (RFC 8414 §2 grant_types_supported).
 */
#include <stdio.h>
#include <string.h>

#include "parse/grant.h"
#include "tap.h"

int
main(void)
{
	char	adv[128] = "";
	size_t	n = 0;
	int	g, round = 1;

	for (g = 0; g < GRANT__MAX; g++) {
		round &= grant_parse(grant_name(g)) == g;
		if (grant_at_token_endpoint(g) && n < sizeof(adv))
			n += (size_t)snprintf(adv + n, sizeof(adv) - n, "%s%s",
			    n > 0 ? " " : "", grant_name(g));
	}
	ok(round, "grant-names: every name parses back to its grant");
	ok(grant_parse("implicit") == -1 && grant_parse("") == -1 &&
	    grant_parse("password ") == -1,
	    "grant-parse: an unknown or padded name is -1");
	ok(grant_set_parse("refresh_token  authorization_code bogus") ==
	    (1u << GRANT_REFRESH_TOKEN | 1u << GRANT_AUTHORIZATION_CODE),
	    "grant-set: a list gives its known grants, unknown ones ignored");
	ok(strcmp(adv, "authorization_code password client_credentials "
	    "refresh_token") == 0,
	    "grant-token-endpoint: the advertised grants, personal_access "
	    "not among them: \"%s\"", adv);
	return done_testing();
}
