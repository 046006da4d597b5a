/*
 * What the server does not implement is refused by redirect, with the
 * state, never dropped: a request object (OpenID Connect Core §6.1,
 * request_not_supported), one by reference (§6.2,
 * request_uri_not_supported), registration metadata (§7.2.1,
 * registration_not_supported) and the claims parameter (§5.5: discovery
 * says claims_parameter_supported false; invalid_request).  No code is
 * issued, even to a signed-in user of a first-party client.
 */
#include "authcode-lib.h"

static void
refused(struct ep *t, struct ac_world *w, struct ac_jar *jar,
    const char *param, const char *error, const char *desc,
    const char *name)
{
	ep_ok(ac_fp_get(t, w, jar, "&scope=read&state=st&%s", param) == 302 &&
	    ac_eq(ac_loc_param(t, "error"), error) &&
	    ac_eq(ac_loc_param(t, "error_description"), desc) &&
	    ac_eq(ac_loc_param(t, "state"), "st") &&
	    ac_loc_param(t, "code") == NULL &&
	    strncmp(ep_header(t, "Location"), AC_CB "?", strlen(AC_CB) + 1)
	    == 0, "%s: %s", name, error);
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	refused(&t, &w, &jar, "request=eyJhbGciOiJub25lIn0.e30.",
	    "request_not_supported", "request objects are not supported",
	    "oidc-request-object-refused (Core §6.1)");
	refused(&t, &w, &jar, "request_uri=https%3A%2F%2Fapp.example%2Fr",
	    "request_uri_not_supported", "request_uri is not supported",
	    "oidc-request-uri-refused (Core §6.2)");
	refused(&t, &w, &jar, "registration=%7B%7D",
	    "registration_not_supported",
	    "the registration parameter is not supported",
	    "oidc-registration-refused (Core §7.2.1)");
	refused(&t, &w, &jar, "claims=%7B%22userinfo%22%3A%7B%7D%7D",
	    "invalid_request", "the claims parameter is not supported",
	    "oidc-claims-parameter-refused (Core §5.5)");
	return ep_finish(&t);
}
