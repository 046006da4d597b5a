/*
 * /api/user refusing what is not a good token (RFC 6750 §3.1): none is a
 * 401 with a bare Bearer challenge; a malformed header 400
 * invalid_request; a changed signature and an expired token 401
 * invalid_token; another scheme (Basic) is no token: 401.
 */
#include "resource-lib.h"

static int
user_auth(struct ep *t, const char *auth)
{
	return ep_call(t, EP_USER, &(struct ep_req){ .method = "GET",
	    .uri = "/api/user", .authorization = auth });
}

static int
has(const char *s, const char *part)
{
	return s != NULL && strstr(s, part) != NULL;
}

int
main(void)
{
	struct ep	 t;
	struct rl_ann	 a;
	char		 at[RL_TOKEN_MAX], bad[RL_TOKEN_MAX];
	size_t		 n;
	json_object	*c;

	ep_start(&t, RL_ANN_CONFIG);
	rl_ann_world(&t, &a);
	snprintf(at, sizeof(at), "%s", rl_ann_token(&t, &a, "profile other"));
	user_auth(&t, NULL);
	ep_ok(t.resp.status == 401 && rl_eq(ep_header(&t, "WWW-Authenticate"),
	    "Bearer realm=\"cpassport\"", "WWW-Authenticate"),
	    "api-user-no-token: 401 with a bare Bearer challenge (RFC 6750 "
	    "§3.1)");
	user_auth(&t, "Bearer a b");
	ep_ok(t.resp.status == 400 && has(ep_header(&t, "WWW-Authenticate"),
	    "error=\"invalid_request\""), "api-user-malformed: 400 "
	    "invalid_request");
	/* One signature character changed (to another): never the same. */
	snprintf(bad, sizeof(bad), "%s", at);
	n = strlen(bad) - 10;
	bad[n] = bad[n] == 'A' ? 'B' : 'A';
	rl_user(&t, bad);
	ep_ok(t.resp.status == 401 && has(ep_header(&t, "WWW-Authenticate"),
	    "error=\"invalid_token\""), "api-user-bad-signature: 401 "
	    "invalid_token");
	ep_is_int(user_auth(&t, "Basic YTpi"), 401,
	    "api-user-basic: another scheme is no token");
	/* Expired: the row says so (the claims are checked too). */
	c = ep_jwt_claims(at);
	ep_sql(&t, "UPDATE oauth_access_tokens SET expires_at = now() - "
	    "interval '1 s' WHERE id = $1", ep_claim(c, "jti"), NULL);
	json_object_put(c);
	ep_is_int(rl_user(&t, at), 401, "api-user-expired: 401 invalid_token");
	return ep_finish(&t);
}
