/*
 * id_token_hint (OpenID Connect Core §3.1.2.1) with prompt=none: a hint
 * for the signed-in user gets the code, even expired (Core asks only
 * that we issued it; it names a user and grants nothing); a hint for
 * another user is login_required (§3.1.2.6); a hint issued to another
 * client, or one that does not verify, is invalid_request.  The hints
 * are signed in the test with the server's key, as the id_tokens it
 * issues are.
 */
#include "authcode-lib.h"
#include "crypto/jwt.h"
#include "crypto/keyset.h"

/* An id_token of the server for sub and aud, expiring at exp. */
static char *
hint(struct ep *t, const char *sub, const char *aud, long long exp)
{
	char	claims[512];

	snprintf(claims, sizeof(claims), "{\"iss\":\"https://issuer.test\","
	    "\"sub\":\"%s\",\"aud\":\"%s\",\"iat\":%lld,\"exp\":%lld}", sub,
	    aud, exp - 3600, exp);
	return jwt_sign(keyset_current(t->app.keys), "JWT", claims);
}

/* GET the first-party request with prompt=none and the hint. */
static void
ask(struct ep *t, struct ac_world *w, struct ac_jar *jar, char *h)
{
	ac_fp_get(t, w, jar, "&state=ih&prompt=none&id_token_hint=%s",
	    h != NULL ? h : "");
	free(h);
}

static int
error_is(const struct ep *t, const char *error, const char *desc)
{
	return t->resp.status == 302 && ac_loc_param(t, "code") == NULL &&
	    ac_eq(ac_loc_param(t, "error"), error) &&
	    (desc == NULL || ac_eq(ac_loc_param(t, "error_description"),
	    desc)) && ac_eq(ac_loc_param(t, "state"), "ih");
}

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	long long		 now = (long long)time(NULL);
	char			 forged[4096];
	char			*h;

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ask(&t, &w, &jar, hint(&t, w.alice, w.fp_id, now + 3600));
	ep_ok(t.resp.status == 302 && strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-id-token-hint-same-user: prompt=none with the user's hint, "
	    "the code");
	ask(&t, &w, &jar, hint(&t, w.alice, w.fp_id, now - 86400));
	ep_ok(t.resp.status == 302 && strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-id-token-hint-expired: an expired hint of ours is taken");
	ask(&t, &w, &jar, hint(&t, w.bob, w.fp_id, now + 3600));
	ep_ok(error_is(&t, "login_required", NULL),
	    "oidc-id-token-hint-other-user: another user's hint is "
	    "login_required");
	ask(&t, &w, &jar, hint(&t, w.alice, w.cid, now + 3600));
	ep_ok(error_is(&t, "invalid_request",
	    "id_token_hint was issued to another client"),
	    "oidc-id-token-hint-other-client: a hint for another client is "
	    "invalid_request");
	h = hint(&t, w.alice, w.fp_id, now + 3600);
	snprintf(forged, sizeof(forged), "%.*sx", (int)strlen(h) - 1, h);
	free(h);
	ask(&t, &w, &jar, strdup(forged));
	ep_ok(error_is(&t, "invalid_request",
	    "id_token_hint is not an id_token of this server"),
	    "oidc-id-token-hint-bad-signature: invalid_request");
	ask(&t, &w, &jar, strdup("not.a.jwt"));
	ep_ok(error_is(&t, "invalid_request",
	    "id_token_hint is not an id_token of this server"),
	    "oidc-id-token-hint-garbage: invalid_request");
	return ep_finish(&t);
}
