/*
 * id_token_hint through the login form (OpenID Connect Core §3.1.2.1:
 * "If the End-User identified by the ID Token is logged in or is logged
 * in by the request, then the Authorization Server returns a positive
 * response; otherwise, it SHOULD return an error, such as
 * login_required").  Without a session, a request with alice's hint
 * shows the login form; signed in there as alice it gets the code;
 * signed in as bob it is login_required, with no code for bob.
 */
#include "authcode-lib.h"
#include "crypto/jwt.h"
#include "crypto/keyset.h"

/* An id_token of the server for sub and aud, valid for an hour. */
static char *
hint(struct ep *t, const char *sub, const char *aud)
{
	long long	now = (long long)time(NULL);
	char		claims[512];

	snprintf(claims, sizeof(claims), "{\"iss\":\"https://issuer.test\","
	    "\"sub\":\"%s\",\"aud\":\"%s\",\"iat\":%lld,\"exp\":%lld}", sub,
	    aud, now, now + 3600);
	return jwt_sign(keyset_current(t->app.keys), "JWT", claims);
}

/* The first-party request with alice's hint, signed in as email. */
static void
login_as(struct ep *t, struct ac_world *w, const char *email,
    const char *password)
{
	struct ac_jar	 jar;
	char		 query[4096];
	char		*h = hint(t, w->alice, w->fp_id);

	snprintf(query, sizeof(query), "response_type=code&client_id=%s"
	    "&state=hl&id_token_hint=%s", w->fp_id, h);
	free(h);
	ac_login(t, &jar, email, password, query);
}

int
main(void)
{
	struct ep	t;
	struct ac_world	w;

	ac_world(&t, &w, NULL);
	login_as(&t, &w, "alice@example.com", "pw one");
	ep_ok(t.resp.status == 302 && ac_loc_param(&t, "error") == NULL &&
	    strlen(ac_loc_param(&t, "code")) == 43 &&
	    ac_eq(ac_loc_param(&t, "state"), "hl"),
	    "oidc-id-token-hint-login-same-user: Core §3.1.2.1, signed in as "
	    "the hint's user, the code");
	login_as(&t, &w, "bob@example.com", "pw two");
	ep_ok(t.resp.status == 302 && ac_loc_param(&t, "code") == NULL &&
	    ac_eq(ac_loc_param(&t, "error"), "login_required") &&
	    ac_eq(ac_loc_param(&t, "state"), "hl"),
	    "oidc-id-token-hint-login-other-user: Core §3.1.2.1, signed in "
	    "as another user than the hint's, login_required and no code");
	return ep_finish(&t);
}
