/*
 * Consent remembered per user and client: once the
 * user approves, a request of the same or a smaller scope set skips the
 * consent screen; a wider one asks, and its approval is added to what
 * was approved before (the union).  Revoked (`cpassport consent
 * revoke`, or `user revoke`), it asks again; a client registered
 * with --no-remember-consent always asks and keeps nothing.
 */
#include "admin/admin_consent.h"
#include "authcode-lib.h"
#include "store/db_user_revoke.h"

#define SCOPES	"SELECT array_to_string(scopes, ' ') || ' ' || " \
		"CASE WHEN revoked THEN 't' ELSE 'f' END " \
		"FROM oauth_consents WHERE user_id = $1 AND client_id = $2"

/* GET the web app's request for scope; 1 when it answers the code. */
static int
straight_to_code(struct ep *t, struct ac_world *w, struct ac_jar *jar,
    const char *scope)
{
	char	target[1024];

	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&redirect_uri=%s&scope=%s&state=cr", w->cid,
	    ac_enc(AC_CB), scope);
	return ac_get(t, jar, target) == 302 && ac_loc_param(t, "code") &&
	    strlen(ac_loc_param(t, "code")) == 43;
}

int
main(void)
{
	struct ep			 t;
	struct ac_world			 w;
	struct ac_jar			 jar;
	struct user_revoke_counts	 c;
	struct client_spec		 asks = { .name = "Asks", .nredirects = 1,
					    .redirects = { AC_CB },
					    .no_remember_consent = 1 };
	char				 err[256];
	long				 n = -1;

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ep_ok(!straight_to_code(&t, &w, &jar, "read") &&
	    ac_has(&t, "name=\"csrf_token\""),
	    "oidc-consent-remembered-first: the first request asks");
	ac_consent(&t, &jar, "approve");
	ep_is(ep_sql(&t, SCOPES, w.alice, w.cid, NULL), "read f",
	    "oidc-consent-remembered-row: the approved scopes, live");
	ep_ok(straight_to_code(&t, &w, &jar, "read"),
	    "oidc-consent-remembered-same: the same scope skips the screen");
	ep_ok(!straight_to_code(&t, &w, &jar, "write") &&
	    ac_has(&t, "name=\"csrf_token\""),
	    "oidc-consent-remembered-wider: another scope asks");
	ac_consent(&t, &jar, "approve");
	ep_is(ep_sql(&t, SCOPES, w.alice, w.cid, NULL), "read write f",
	    "oidc-consent-remembered-union: read then write, both kept");
	ep_ok(straight_to_code(&t, &w, &jar, "read%20write") &&
	    straight_to_code(&t, &w, &jar, "write"),
	    "oidc-consent-remembered-smaller: the union and any part of it "
	    "skip the screen");
	ep_ok(admin_consent_revoke(&t.app, w.alice, w.cid, &n, err,
	    sizeof(err)) == 0 && n == 1 &&
	    !straight_to_code(&t, &w, &jar, "read") &&
	    ac_has(&t, "name=\"csrf_token\""),
	    "oidc-consent-remembered-revoked: consent revoke, asked again");
	ac_consent(&t, &jar, "approve");
	ep_is(ep_sql(&t, SCOPES, w.alice, w.cid, NULL), "read f",
	    "oidc-consent-remembered-afresh: after a revoke, only what is "
	    "approved now");
	ep_ok(admin_consent_revoke(&t.app, w.alice, "00000000-0000-4000-8000-"
	    "000000000000", &n, err, sizeof(err)) == -1 &&
	    strstr(err, "no client") != NULL && admin_consent_revoke(&t.app,
	    "x", NULL, &n, err, sizeof(err)) == -1,
	    "oidc-consent-revoke-refusals: no such client, a malformed user");
	ep_ok(admin_user_revoke(&t.app, w.alice, &c, err, sizeof(err)) == 0 &&
	    c.consents == 1 && strcmp(ep_sql(&t, SCOPES, w.alice, w.cid, NULL),
	    "read t") == 0,
	    "oidc-consent-remembered-user-revoke: user revoke revokes it");
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ep_ok(!straight_to_code(&t, &w, &jar, "read"),
	    "oidc-consent-remembered-user-revoke: asked again");
	ac_consent(&t, &jar, "approve");
	ep_client(&t, &asks, w.cid, w.csecret);
	ep_is(ep_sql(&t, "SELECT remember_consent::text FROM oauth_clients "
	    "WHERE id = $1", w.cid, NULL), "false",
	    "oidc-consent-not-remembered: --no-remember-consent is stored");
	/* w.cid is now that client's. */
	straight_to_code(&t, &w, &jar, "read");
	ac_consent(&t, &jar, "approve");
	ep_ok(!straight_to_code(&t, &w, &jar, "read") &&
	    ac_has(&t, "name=\"csrf_token\""),
	    "oidc-consent-not-remembered: approved, still asked every time");
	ep_is(ep_sql(&t, "SELECT count(*) FROM oauth_consents WHERE "
	    "client_id = $1", w.cid, NULL), "0",
	    "oidc-consent-not-remembered: nothing kept");
	return ep_finish(&t);
}
