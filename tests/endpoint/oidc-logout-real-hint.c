/*
 * RP-Initiated Logout 1.0 §2 with the id_token the token endpoint
 * really issued (grant/id_token.c, Core §2) as id_token_hint: the code
 * flow with scope openid gives it; /oauth/logout takes it, names its aud
 * as the client to return to and its sid as the browser's session (no
 * warning); the confirmation ends that session and its
 * oauth_session_clients rows and sends the browser to the registered
 * URI with state.
 */
#include <stdlib.h>

#include "logout-lib.h"
#include "oidc-lib.h"

static struct ep		t;
static struct oidc_world	w;
static char			at[OIDC_TOKEN_MAX], idt[OIDC_TOKEN_MAX];

int
main(void)
{
	static const char *const	 uris[] = { LO_BYE };
	json_object			*claims;
	char				 err[256], csrf[128], target[10240];
	const char			*sid;
	int				 status;

	oidc_world(&t, &w, NULL);
	if (admin_client_post_logout(&t.app, w.cid, uris, 1, err,
	    sizeof(err)) == -1) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	status = oidc_tokens(&t, &w, "openid", "", at, idt);
	claims = ep_jwt_claims(idt);
	sid = ep_sql(&t, "SELECT sid FROM oauth_sessions", NULL);
	ep_ok(status == 200 && claims != NULL &&
	    ac_eq(ep_claim(claims, "sid"), sid) &&
	    ac_eq(ep_claim(claims, "aud"), w.cid),
	    "setup: the code exchange's id_token, its sid the session's");
	json_object_put(claims);
	snprintf(target, sizeof(target), "/oauth/logout?id_token_hint=%s&"
	    "post_logout_redirect_uri=%s&state=bye-1", idt, ac_enc(LO_BYE));
	status = ac_get(&t, &w.jar, target);
	snprintf(csrf, sizeof(csrf), "%s", ac_field(&t, "csrf_token"));
	ep_ok(status == 200 && strlen(csrf) == 64 &&
	    ac_eq(ac_field(&t, "client_id"), w.cid) &&
	    ac_has(&t, "<li>Web app</li>") && !ac_has(&t, "id=\"other\""),
	    "oidc-logout-real-hint: §2 the issued id_token as hint: the "
	    "confirmation for its client and session, no warning");
	status = ac_post(&t, &w.jar, "/oauth/logout", "csrf_token=%s&"
	    "client_id=%s&post_logout_redirect_uri=%s&state=bye-1", csrf,
	    w.cid, ac_enc(LO_BYE));
	ep_ok(status == 303 && ac_eq(ep_header(&t, "Location"),
	    LO_BYE "?state=bye-1") && lo_sessions(&t) == 0 &&
	    lo_session_clients(&t) == 0,
	    "oidc-logout-real-hint: §3 confirmed: the session and its "
	    "clients' rows gone, 303 to the registered URI with state");
	return ep_finish(&t);
}
