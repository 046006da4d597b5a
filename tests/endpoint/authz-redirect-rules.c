/*
 * The redirect URI is never an open redirect (RFC 6749 §3.1.2.4,
 * §4.1.2.1, §10.15): an unregistered one, one off by a trailing slash, an
 * unknown client, or none given where two are registered get a page and
 * no redirect; the only registered URI may be left out (§3.1.2.3).
 */
#include "authcode-lib.h"

static struct ac_jar	jar;

/* Signed in, the request gets a 400 page and no Location. */
static void
page(struct ep *t, const char *target, const char *desc)
{
	ep_ok(ac_get(t, &jar, target) == 400 &&
	    ep_header(t, "Location") == NULL, "%s", desc);
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	char			 target[1024];

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&redirect_uri=https%%3A%%2F%%2Fevil.example%%2Fcb"
	    "&state=x", w.cid);
	page(&t, target, "authz-open-redirect: an unregistered redirect_uri "
	    "gets a page, no redirect");
	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&redirect_uri=https%%3A%%2F%%2Fapp.example%%2Fcb%%2F"
	    "&state=x", w.cid);
	page(&t, target, "authz-redirect-exact: a trailing slash is another "
	    "URI");
	page(&t, "/oauth/authorize?response_type=code&client_id=7b5e2c1e-0000-"
	    "4000-8000-000000000000&redirect_uri=https%3A%2F%2Fevil.example"
	    "&state=x", "authz-unknown-client: a page, no redirect");
	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&state=x", w.cid);
	page(&t, target, "authz-redirect-required: two registered URIs and "
	    "none given is a page");
	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&state=st", w.single_id);
	ep_is_int(ac_get(&t, &jar, target), 200, "authz-redirect-optional: "
	    "the only registered URI may be left out");
	return ep_finish(&t);
}
