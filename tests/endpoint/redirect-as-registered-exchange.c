/*
 * A strict client (openid-client, oauth4webapi) checks that the URI it
 * was sent back to is the one it registered, then sends that string as
 * redirect_uri (RFC 6749 §4.1.3): the code buys a token.
 */
#include "authcode-lib.h"

/* Back at the Location, the URI before ?code= is the registered one. */
static int
as_received(struct ep *t, struct ac_rworld *w, enum ac_rclient c,
    const char *registered)
{
	const char	*loc;
	char		 received[512], code[512];

	if ((loc = ac_rauthorize(t, w, c, registered, "approve")) == NULL)
		return 0;
	snprintf(received, sizeof(received), "%.*s",
	    (int)(strstr(loc, "?code=") ? strstr(loc, "?code=") - loc :
	    (long)strlen(loc)), loc);
	snprintf(code, sizeof(code), "%s", ac_code_of(loc));
	if (strcmp(received, registered) != 0) {
		printf("# came back to '%s'\n", received);
		return 0;
	}
	return ac_rexchange(t, w, c, received, code) == 200 &&
	    ac_eq(ep_json(t, "token_type"), "Bearer");
}

int
main(void)
{
	struct ep		 t;
	struct ac_rworld	 w;

	ac_rworld(&t, &w);
	ep_ok(as_received(&t, &w, AC_APP, "com.example.app:/oauth2redirect"),
	    "redirect-as-registered-exchange: back at "
	    "com.example.app:/oauth2redirect, the code buys a token");
	ep_ok(as_received(&t, &w, AC_MYAPP, "myapp://callback"),
	    "redirect-as-registered-exchange: back at myapp://callback, the "
	    "code buys a token");
	return ep_finish(&t);
}
