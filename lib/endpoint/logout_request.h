/*
 * The end-session request of OpenID Connect RP-Initiated Logout 1.0 §2,
 * as GET /oauth/logout takes it in the query and the confirmation form
 * POSTs it back: its parameters, and what they resolve to, the client
 * (named by client_id or by the hint's aud) and the URI to return to.
 */
#ifndef CPASSPORT_LOGOUT_REQUEST_H
#define CPASSPORT_LOGOUT_REQUEST_H

#include "app/app.h"
#include "auth/id_token_hint.h"
#include "parse/form.h"
#include "store/db_client.h"

enum logout_param {
	LO_ID_TOKEN_HINT = 0,
	LO_CLIENT_ID,
	LO_POST_LOGOUT_REDIRECT_URI,
	LO_STATE,
	LO_UI_LOCALES,		/* accepted, ignored (§2: OPTIONAL) */
	LO_LOGOUT_HINT,		/* accepted, ignored: the session says who */
	LO_CSRF,		/* the confirmation form's */
	LO__MAX
};

/* Names and bounds of the parameters, indexed by enum logout_param. */
extern const struct form_param logout_params[LO__MAX];

enum logout_status {
	LOGOUT_OK = 0,
	LOGOUT_BAD_HINT,	/* the id_token_hint does not verify */
	LOGOUT_CLIENT_MISMATCH,	/* client_id is not the hint's aud */
	LOGOUT_NO_CLIENT,	/* unknown or revoked client */
	LOGOUT_BAD_REDIRECT,	/* URI not registered, or no client known */
	LOGOUT_UNAVAILABLE,	/* the database is away */
	LOGOUT__MAX
};

struct logout_request {
	struct form_value	 v[LO__MAX];
	int			 has_hint;
	struct id_token_hint	 hint;	/* when has_hint */
	int			 has_client;
	struct client		 client;	/* when has_client */
	const char		*redirect;	/* registered; NULL: none */
	const char		*state;		/* sent back with redirect */
};

/*
 * Resolve lr->v (parsed against logout_params): verify the hint (§2: an
 * expired one is accepted; id_token_hint.h), find the client that
 * client_id or the hint's aud names (both given: they must agree), and
 * accept post_logout_redirect_uri only when it is exactly one registered
 * for that client (§3).  On LOGOUT_OK the rest of *lr is filled, into
 * the arena; on any other status nothing may be redirected to.
 */
enum logout_status logout_request_resolve(struct arena *, struct app *,
		    struct logout_request *lr);

#endif
