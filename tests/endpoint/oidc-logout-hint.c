/*
 * RP-Initiated Logout 1.0 §2 id_token_hint at /oauth/logout: a hint
 * that verifies names the client (its aud) whose post-logout URI may be
 * used; client_id and the hint's aud must agree; an expired hint is
 * accepted; a hint that does not verify (tampered, an access token, not
 * a JWT) is a 400 page and never a redirect, with or without a session;
 * a hint for another session or user is shown as such on the
 * confirmation, which ends only the browser's own session.
 */
#include <time.h>

#include "logout-lib.h"

static struct ep	t;
static struct lo_world	lw;

/* The confirmation, with the hint's client as the one to return to. */
static int
asks_for(const char *cid, const char *uri)
{
	return t.resp.status == 200 && strlen(ac_field(&t, "csrf_token")) ==
	    64 && strcmp(ac_field(&t, "client_id"), cid ? cid : "") == 0 &&
	    strcmp(ac_field(&t, "post_logout_redirect_uri"),
	    uri ? uri : "") == 0;
}

static void
check_refused(long long later)
{
	char	h[8192], *p;

	snprintf(h, sizeof(h), "%s", lo_hint(&t, "JWT", lw.w.cid, lw.w.alice,
	    lw.sid, later));
	ep_ok(lo_refused(&t, lo_get(&t, &lw.jar, "id_token_hint=%s&"
	    "client_id=%s&post_logout_redirect_uri=%s", h, lw.w.single_id,
	    ac_enc(LO_SINGLE_BYE)), "names two different applications"),
	    "oidc-logout-hint-aud-mismatch: §2 client_id is not the hint's "
	    "aud: 400, no redirect");
	ep_ok(lo_refused(&t, lo_get(&t, &lw.jar, "id_token_hint=%s&"
	    "post_logout_redirect_uri=%s", h, ac_enc(LO_SINGLE_BYE)),
	    "is not registered for the application"),
	    "oidc-logout-hint-other-clients-uri: §3 the hint's client does "
	    "not have that URI: 400");
	p = strrchr(h, '.') + 5;
	*p = *p == 'A' ? 'B' : 'A';
	ep_ok(lo_refused(&t, lo_get(&t, &lw.jar, "id_token_hint=%s&"
	    "post_logout_redirect_uri=%s", h, ac_enc(LO_BYE)),
	    "not an ID token of this server"),
	    "oidc-logout-hint-bad-signature: a tampered hint: 400, no "
	    "redirect");
	ep_ok(lo_refused(&t, lo_get(&t, NULL, "id_token_hint=%s&"
	    "post_logout_redirect_uri=%s", h, ac_enc(LO_BYE)),
	    "not an ID token of this server"),
	    "oidc-logout-hint-bad-signature: without a session too (§4)");
	ep_ok(lo_refused(&t, lo_get(&t, &lw.jar, "id_token_hint=%s&"
	    "post_logout_redirect_uri=%s", lo_hint(&t, "at+jwt", lw.w.cid,
	    lw.w.alice, lw.sid, later), ac_enc(LO_BYE)),
	    "not an ID token of this server"),
	    "oidc-logout-hint-access-token: a JWT of typ at+jwt is no "
	    "id_token: 400");
	ep_ok(lo_refused(&t, lo_get(&t, &lw.jar, "id_token_hint=not.a.jwt&"
	    "client_id=%s", lw.w.cid), "not an ID token of this server"),
	    "oidc-logout-hint-garbage: not a JWT: 400");
}

static void
check_accepted(long long later)
{
	const char	*h;

	h = lo_hint(&t, "JWT", lw.w.cid, lw.w.alice, lw.sid, later);
	lo_get(&t, &lw.jar, "id_token_hint=%s&client_id=%s&"
	    "post_logout_redirect_uri=%s", h, lw.w.cid, ac_enc(LO_BYE));
	ep_ok(asks_for(lw.w.cid, LO_BYE) && !ac_has(&t, "id=\"other\""),
	    "oidc-logout-hint-client-matches: hint and the same client_id: "
	    "the confirmation, no warning");
	h = lo_hint(&t, "JWT", lw.w.cid, lw.w.alice, lw.sid,
	    (long long)time(NULL) - 86400);
	lo_get(&t, &lw.jar, "id_token_hint=%s&post_logout_redirect_uri=%s", h,
	    ac_enc(LO_BYE));
	ep_ok(asks_for(lw.w.cid, LO_BYE),
	    "oidc-logout-hint-expired-accepted: §2 a hint expired a day ago "
	    "still names its client: the confirmation");
	h = lo_hint(&t, "JWT", lw.w.cid, lw.w.alice,
	    "0b7d3c5e-8f1a-4c2b-9d6e-1a2b3c4d5e6f", later);
	lo_get(&t, &lw.jar, "id_token_hint=%s", h);
	ep_ok(asks_for(NULL, NULL) && ac_has(&t, "id=\"other\"") &&
	    ac_has(&t, "ends yours, as alice@example.com"),
	    "oidc-logout-hint-other-session: a hint of another sid: the "
	    "confirmation says so and who is signed in");
	h = lo_hint(&t, "JWT", lw.w.cid, lw.w.bob, NULL, later);
	lo_get(&t, &lw.jar, "id_token_hint=%s", h);
	ep_ok(asks_for(NULL, NULL) && ac_has(&t, "id=\"other\""),
	    "oidc-logout-hint-other-user: a hint of bob, alice signed in: "
	    "the confirmation warns");
}

/* The warned confirmation ends alice's own session, no other. */
static void
check_other_ends_own(long long later)
{
	char	csrf[128];
	long	bob_sessions;

	ep_sql(&t, "INSERT INTO oauth_sessions (id, user_id, csrf_token, "
	    "expires_at) VALUES (decode(repeat('01', 32), 'hex'), $1, "
	    "decode(repeat('02', 32), 'hex'), now() + interval '1 hour') "
	    "RETURNING 1", lw.w.bob, NULL);
	lo_get(&t, &lw.jar, "id_token_hint=%s&post_logout_redirect_uri=%s",
	    lo_hint(&t, "JWT", lw.w.cid, lw.w.bob, NULL, later),
	    ac_enc(LO_BYE));
	snprintf(csrf, sizeof(csrf), "%s", ac_field(&t, "csrf_token"));
	ac_post(&t, &lw.jar, "/oauth/logout", "csrf_token=%s&client_id=%s&"
	    "post_logout_redirect_uri=%s", csrf, lw.w.cid, ac_enc(LO_BYE));
	bob_sessions = strtol(ep_sql(&t, "SELECT count(*) FROM oauth_sessions "
	    "WHERE user_id = $1", lw.w.bob, NULL), NULL, 10);
	ep_ok(t.resp.status == 303 && ac_eq(ep_header(&t, "Location"),
	    LO_BYE) && bob_sessions == 1 && lo_sessions(&t) == 1,
	    "oidc-logout-hint-other-user: confirmed, alice's session ends "
	    "and bob's lives");
}

int
main(void)
{
	long long	later;

	lo_world(&t, &lw);
	later = (long long)time(NULL) + 3600;
	check_refused(later);
	check_accepted(later);
	check_other_ends_own(later);
	return ep_finish(&t);
}
