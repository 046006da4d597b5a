/*
 * Errors go back in the response mode asked (OAuth 2.0 Form Post
 * Response Mode §2): with response_mode=form_post an invalid scope and a
 * denial are POSTed to the redirect URI with error, state and iss, not
 * put in a Location; an unknown response_mode (Multiple Response Types
 * §2.1: fragment too, for code) is invalid_request in the query, the
 * default; an unregistered redirect URI still gets a page, never a form
 * to it (RFC 6749 §4.1.2.1).
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 q[640], target[1024];

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&scope=nosuch&state=e1&response_mode=form_post",
	    w.fp_id);
	ep_ok(ac_get(&t, &jar, target) == 200 &&
	    ep_header(&t, "Location") == NULL &&
	    ac_has(&t, "action=\"" AC_CB "\"") &&
	    ac_eq(ac_field(&t, "error"), "invalid_scope") &&
	    ac_eq(ac_field(&t, "state"), "e1") &&
	    ac_eq(ac_field(&t, "iss"), "https://issuer.test") &&
	    !ac_has(&t, "name=\"code\""),
	    "oidc-form-post-error: invalid_scope POSTed with state and iss");
	snprintf(q, sizeof(q), "%s&response_mode=form_post", w.q);
	snprintf(target, sizeof(target), "/oauth/authorize?%s", q);
	ac_get(&t, &jar, target);
	ac_consent(&t, &jar, "deny");
	ep_ok(t.resp.status == 200 && ep_header(&t, "Location") == NULL &&
	    ac_eq(ac_field(&t, "error"), "access_denied") &&
	    ac_eq(ac_field(&t, "state"), "s-123"),
	    "oidc-form-post-denied: access_denied POSTed back");
	snprintf(target, sizeof(target), "/oauth/authorize?%s"
	    "&response_mode=fragment", w.q);
	ep_ok(ac_get(&t, &jar, target) == 302 &&
	    ac_eq(ac_loc_param(&t, "error"), "invalid_request") &&
	    ac_eq(ac_loc_param(&t, "error_description"),
	    "unsupported response_mode") &&
	    ac_eq(ac_loc_param(&t, "state"), "s-123"),
	    "oidc-response-mode-unknown: fragment is invalid_request, in the "
	    "query");
	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&redirect_uri=https%%3A%%2F%%2Fevil.example%%2Fcb"
	    "&response_mode=form_post", w.cid);
	ep_ok(ac_get(&t, &jar, target) == 400 &&
	    !ac_has(&t, "evil.example") && !ac_has(&t, "<form"),
	    "oidc-form-post-unregistered: an unregistered URI gets a page, "
	    "no form to it");
	return ep_finish(&t);
}
