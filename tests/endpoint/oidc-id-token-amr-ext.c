/*
 * With trust_remote_user the web server authenticated the user: the
 * session's amr is "ext" (RFC 8176 §2: "a generic external
 * authentication method", which the provider did not perform), and the
 * id_token says ["ext"].
 */
#include "oidc-lib.h"

static int
authz(struct ep *t, const char *query, const char *cookie)
{
	char	uri[2100];

	snprintf(uri, sizeof(uri), "/oauth/authorize?%s", query);
	return ep_call(t, EP_AUTHORIZE, &(struct ep_req){ .method = "GET",
	    .uri = uri, .query = query, .remote_user = "alice@example.com",
	    .cookie = cookie });
}

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	char			 cookie[600], code[512];
	const char		*q, *h, *v;
	json_object		*c;

	oidc_world(&t, &w, "trust_remote_user = true\n");
	q = oidc_query(w.nid, "openid", "&nonce=n-ext");
	authz(&t, q, NULL);
	h = ep_set_cookie(&t, "cpassport_session");
	snprintf(cookie, sizeof(cookie), "%.*s", h ? (int)strcspn(h, ";") : 0,
	    h ? h : "");
	authz(&t, q, cookie);
	snprintf(code, sizeof(code), "%s", (v = ac_loc_param(&t, "code")) ?
	    v : "");
	ep_is(ep_sql(&t, "SELECT amr FROM oauth_sessions", NULL), "ext",
	    "oidc-session-amr-ext: REMOTE_USER's session is amr ext");
	oidc_exchange(&t, w.nid, w.nsecret, code);
	c = ep_jwt_claims(ep_json(&t, "id_token"));
	ep_is(ep_claim(c, "amr"), "[\"ext\"]", "oidc-id-token-amr-ext: the "
	    "id_token says [\"ext\"]");
	json_object_put(c);
	return ep_finish(&t);
}
