/*
 * GET /callback/start: a 302 to the authorization endpoint with a state
 * and an S256 challenge (RFC 7636 §4.3), "<state>.<verifier>" kept in an
 * HttpOnly cookie; over plain http (allowed here) it is
 * cpassport_callback without Secure (RFC 6265 §4.1.2), and over TLS, or
 * where plain http is not allowed, __Host-cpassport_callback, Secure
 * (RFC 6265bis §4.1.3.2).
 */
#include <regex.h>

#include "callback-lib.h"

static int
matches(const char *s, const char *re)
{
	regex_t	r;
	int	m;

	if (s == NULL || regcomp(&r, re, REG_EXTENDED | REG_NOSUB) != 0)
		return 0;
	m = regexec(&r, s, 0, NULL, 0) == 0;
	regfree(&r);
	if (!m)
		printf("# '%s' does not match /%s/\n", s, re);
	return m;
}

#define PAIR	"[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}"

int
main(void)
{
	struct ep	 t;
	struct cb_world	 w;
	const char	*loc;
	int		 tls, strict;

	ep_start(&t, CB_CONFIG);
	cb_world(&t, &w);
	cb_get(&t, EP_CALLBACK, "/callback/start", NULL, NULL);
	loc = ep_header(&t, "Location");
	ep_ok(t.resp.status == 302 && loc != NULL &&
	    strncmp(loc, CB_ISSUER "/oauth/authorize?",
	    strlen(CB_ISSUER "/oauth/authorize?")) == 0 &&
	    cb_has(loc, "code_challenge_method=S256") &&
	    cb_has(loc, "state=") &&
	    cb_has(cb_set_cookie(&t, "cpassport_callback"), "HttpOnly"),
	    "callback-start: redirects with state and an S256 challenge, the "
	    "verifier kept in an HttpOnly cookie");
	ep_ok(matches(cb_set_cookie(&t, "cpassport_callback"), "^"
	    "cpassport_callback=" PAIR "; Path=/; HttpOnly; SameSite=Lax; "
	    "Max-Age=600$"), "callback-cookie-plain: over plain http, "
	    "cpassport_callback; Path=/; HttpOnly; SameSite=Lax; Max-Age=600, "
	    "not Secure");
	cb_get(&t, EP_CALLBACK, "/callback/start", NULL, "on");
	tls = t.resp.status == 302 && matches(cb_set_cookie(&t,
	    "__Host-cpassport_callback"), "^__Host-cpassport_callback=" PAIR
	    "; Secure; Path=/; HttpOnly; SameSite=Lax; Max-Age=600$");
	t.app.cfg.allow_plain_http = 0;
	cb_get(&t, EP_CALLBACK, "/callback/start", NULL, NULL);
	strict = t.resp.status == 302 && matches(cb_set_cookie(&t,
	    "__Host-cpassport_callback"), "^__Host-cpassport_callback=" PAIR
	    "; Secure; Path=/; HttpOnly; SameSite=Lax; Max-Age=600$");
	ep_ok(tls && strict, "callback-cookie-host-prefix: with HTTPS=on, and "
	    "with plain http not allowed, __Host-cpassport_callback; Secure; "
	    "Path=/; HttpOnly; SameSite=Lax; Max-Age=600");
	return ep_finish(&t);
}
