/*
 * prompt=none (OpenID Connect Core §3.1.2.1) never shows a page: without
 * a session the answer is a login_required redirect with the state, and
 * a signed-in user whose consent is needed gets consent_required
 * (§3.1.2.6); a first-party client, needing neither, gets its code.
 * none with another value, or an unknown value, is invalid_request.
 * Discovery's prompt_values_supported lists the four values.
 */
#include "authcode-lib.h"

/* GET the first-party (fp) or web app request with prompt=... */
static int
ask(struct ep *t, struct ac_world *w, struct ac_jar *jar, int fp,
    const char *prompt)
{
	char	target[1024];

	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&redirect_uri=%s&scope=read&state=pn&prompt=%s",
	    fp ? w->fp_id : w->cid, ac_enc(AC_CB), prompt);
	return ac_get(t, jar, target);
}

/* A redirect to the client with exactly this error and the state. */
static int
error_redirect(const struct ep *t, const char *error)
{
	const char	*loc = ep_header(t, "Location");

	return t->resp.status == 302 && loc != NULL &&
	    strncmp(loc, AC_CB "?", strlen(AC_CB) + 1) == 0 &&
	    ac_eq(ac_loc_param(t, "error"), error) &&
	    ac_eq(ac_loc_param(t, "state"), "pn") &&
	    ac_eq(ac_loc_param(t, "iss"), "https://issuer.test") &&
	    ac_loc_param(t, "code") == NULL && !ac_has(t, "<form");
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	json_object		*values;

	ac_world(&t, &w, NULL);
	ac_jar_clear(&jar);
	ask(&t, &w, &jar, 1, "none");
	ep_ok(error_redirect(&t, "login_required") &&
	    ep_set_cookie(&t, "cpassport_login") == NULL,
	    "oidc-prompt-none-no-session: login_required, no login form "
	    "(Core §3.1.2.6)");
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ask(&t, &w, &jar, 0, "none");
	ep_ok(error_redirect(&t, "consent_required"),
	    "oidc-prompt-none-consent: consent_required, no consent page");
	ep_ok(ask(&t, &w, &jar, 1, "none") == 302 &&
	    strlen(ac_loc_param(&t, "code")) == 43 &&
	    ac_eq(ac_loc_param(&t, "state"), "pn"),
	    "oidc-prompt-none-signed-in: a first-party client gets its code");
	ask(&t, &w, &jar, 1, "none%20login");
	ep_ok(error_redirect(&t, "invalid_request") &&
	    ac_eq(ac_loc_param(&t, "error_description"),
	    "prompt=none with another value"),
	    "oidc-prompt-none-with-other: invalid_request (Core §3.1.2.1)");
	ask(&t, &w, &jar, 1, "create");
	ep_ok(error_redirect(&t, "invalid_request") &&
	    ac_eq(ac_loc_param(&t, "error_description"),
	    "unknown prompt value"),
	    "oidc-prompt-unknown: invalid_request");
	ep_call(&t, EP_DISCOVERY, &(struct ep_req){ .method = "GET",
	    .uri = "/.well-known/openid-configuration" });
	ep_ok(t.json != NULL && json_object_object_get_ex(t.json,
	    "prompt_values_supported", &values) &&
	    strcmp(json_object_to_json_string_ext(values,
	    JSON_C_TO_STRING_PLAIN), "[\"none\",\"login\",\"consent\","
	    "\"select_account\"]") == 0,
	    "oidc-prompt-values-discovery: the four values, no other");
	return ep_finish(&t);
}
