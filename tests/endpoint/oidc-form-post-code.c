/*
 * response_mode=form_post (OAuth 2.0 Form Post Response Mode §2): the
 * approval answers with a page, not a redirect, whose form POSTs code,
 * state and iss to the redirect URI; its one script submits the form,
 * the Content-Security-Policy allows that script by its hash and nothing
 * else, a <noscript> button submits it without JavaScript, and nothing
 * is cached (the code is in the page).  The code exchanges as one
 * from the query would.  The mode holds through the login and consent
 * forms, which carry the request back; the metadata names it.
 */
#include <openssl/evp.h>

#include "authcode-lib.h"

#define CSP	"default-src 'none'; style-src 'unsafe-inline'; " \
		"frame-ancestors 'none'; base-uri 'none'; script-src 'sha256-"

/* 1 when the page's <script> is exactly what its CSP hash allows. */
static int
script_allowed(const struct ep *t)
{
	const char	*csp = ep_header(t, "Content-Security-Policy");
	const char	*p, *e;
	unsigned char	 md[32];
	unsigned char	 b64[64];
	unsigned int	 mdlen;

	if (csp == NULL || strncmp(csp, CSP, strlen(CSP)) != 0 ||
	    (p = strstr(t->body, "<script>")) == NULL ||
	    (e = strstr(p, "</script>")) == NULL ||
	    strstr(e + 1, "<script") != NULL)
		return 0;
	p += strlen("<script>");
	EVP_Digest(p, (size_t)(e - p), md, &mdlen, EVP_sha256(), NULL);
	EVP_EncodeBlock(b64, md, (int)mdlen);
	csp += strlen(CSP);
	return strncmp(csp, (const char *)b64, strlen((char *)b64)) == 0 &&
	    strcmp(csp + strlen((char *)b64), "'") == 0;
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 q[640], code[128];
	json_object		*modes;

	ac_world(&t, &w, NULL);
	snprintf(q, sizeof(q), "%s&response_mode=form_post", w.q);
	ac_login(&t, &jar, "alice@example.com", "pw one", q);
	ac_get(&t, &jar, ep_header(&t, "Location"));
	ep_ok(t.resp.status == 200 && ac_has(&t, "name=\"csrf_token\""),
	    "oidc-form-post-consent: the consent page as ever");
	ac_consent(&t, &jar, "approve");
	snprintf(code, sizeof(code), "%s", ac_field(&t, "code"));
	ep_ok(t.resp.status == 200 && ep_header(&t, "Location") == NULL &&
	    ac_has(&t, "<form method=\"post\" action=\"" AC_CB "\">") &&
	    strlen(code) == 43 && ac_eq(ac_field(&t, "state"), "s-123") &&
	    ac_eq(ac_field(&t, "iss"), "https://issuer.test") &&
	    !ac_has(&t, "name=\"error\""),
	    "oidc-form-post-fields: a page POSTing code, state and iss to the "
	    "redirect URI, no Location");
	ep_ok(script_allowed(&t) && ac_has(&t, "<noscript>") &&
	    ac_has(&t, "<button type=\"submit\""),
	    "oidc-form-post-csp: the one script allowed by its hash, a "
	    "no-script button");
	ep_ok(ac_eq(ep_header(&t, "Cache-Control"), "no-store") &&
	    ac_eq(ep_header(&t, "X-Frame-Options"), "DENY"),
	    "oidc-form-post-no-store: not cached, not framed");
	ep_is_int(ac_exchange(&t, &w, code, ""), 200,
	    "oidc-form-post-exchange: the posted code exchanges");
	ep_call(&t, EP_DISCOVERY, &(struct ep_req){ .method = "GET",
	    .uri = "/.well-known/oauth-authorization-server" });
	ep_ok(t.json != NULL && json_object_object_get_ex(t.json,
	    "response_modes_supported", &modes) &&
	    strcmp(json_object_to_json_string_ext(modes,
	    JSON_C_TO_STRING_PLAIN), "[\"query\",\"form_post\"]") == 0,
	    "oidc-form-post-metadata: response_modes_supported says so "
	    "(RFC 8414 §2)");
	return ep_finish(&t);
}
