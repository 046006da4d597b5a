/*
 * Parameters sent without a value are omitted (RFC 6749 §3.1): "scope="
 * asks default_scope (§3.3) on the consent page and in the token and the
 * response's scope member (§5.1); "state=" is no state, so none comes
 * back with the code or an error (§4.1.2, §4.1.2.1).
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 eq[512], target[1024], got[256];
	const char		*loc, *code;
	json_object		*c;

	ac_world(&t, &w, NULL);
	snprintf(eq, sizeof(eq), "response_type=code&client_id=%s"
	    "&redirect_uri=%s", w.cid, ac_enc(AC_CB));
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	snprintf(target, sizeof(target), "/oauth/authorize?%s&scope=&state=e1",
	    eq);
	ep_ok(ac_get(&t, &jar, target) == 200 &&
	    ac_has(&t, "Read or write read things") &&
	    !ac_has(&t, "Read or write write things"),
	    "authz-empty-scope-is-default: scope= asks default_scope on the "
	    "consent page");
	snprintf(target, sizeof(target), "/oauth/authorize?%s&scope=read"
	    "&state=", eq);
	ac_get(&t, &jar, target);
	ac_consent(&t, &jar, "approve");
	loc = ep_header(&t, "Location");
	ep_ok(t.resp.status == 302 && ac_loc_param(&t, "code") != NULL &&
	    loc != NULL && strstr(loc, "state=") == NULL,
	    "authz-empty-state-omitted: state= is not echoed with the code");
	snprintf(target, sizeof(target), "/oauth/authorize?response_type=token"
	    "&client_id=%s&redirect_uri=%s&state=", w.cid, ac_enc(AC_CB));
	ac_get(&t, &jar, target);
	loc = ep_header(&t, "Location");
	ep_ok(t.resp.status == 302 &&
	    ac_eq(ac_loc_param(&t, "error"), "unsupported_response_type") &&
	    loc != NULL && strstr(loc, "state=") == NULL,
	    "authz-empty-state-omitted: nor with an error");
	snprintf(target, sizeof(target), "%s&scope=&state=e2", eq);
	code = ac_code(&t, &jar, target);
	ac_exchange(&t, &w, code ? code : "", "");
	c = ep_jwt_claims(ep_json(&t, "access_token"));
	snprintf(got, sizeof(got), "%d:%s:%s", t.resp.status,
	    ep_json(&t, "scope") ? ep_json(&t, "scope") : "(none)",
	    ep_claim(c, "scope") ? ep_claim(c, "scope") : "(none)");
	ep_is(got, "200:read:read", "authz-empty-scope-token: the token "
	    "carries default_scope, and the response a scope member");
	json_object_put(c);
	return ep_finish(&t);
}
