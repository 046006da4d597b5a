/*
 * What an authentication request asks of a signed-in user (OpenID
 * Connect Core §3.1.2.1): to sign in again (prompt=login, max_age, an
 * id_token_hint for another user) and to be asked for consent
 * (prompt=consent, or no remembered consent that covers the request).
 * The endpoint (authorize_endpoint.c) acts on the answers: a form, or
 * with prompt=none an error redirect.
 */
#ifndef CPASSPORT_AUTHORIZE_PROMPT_H
#define CPASSPORT_AUTHORIZE_PROMPT_H

#include <time.h>

#include "endpoint/authorize_request.h"
#include "store/db_session.h"

/*
 * 1 when s's sign-in is older at time now than a's max_age (more than
 * max_age seconds since its auth_time; Core §3.1.2.1); 0 without one.
 */
int	authz_auth_too_old(const struct authz *, const struct session_row *s,
	    time_t now);

/*
 * 1 when the user must sign in for a at time now: no session (s NULL),
 * prompt=login, max_age=0 or more than max_age seconds since the
 * session's auth_time, or an id_token_hint whose sub is not the
 * session's user.
 */
int	authz_needs_login(const struct authz *, const struct session_row *s,
	    time_t now);

/*
 * 1 when the signed-in user of s is to choose the account (Core
 * §3.1.2.1): prompt=select_account, or a login_hint that names another
 * user than s's.
 */
int	authz_needs_choice(const struct authz *, const struct session_row *s);

/*
 * 1 when a's login form, once the user signed in, goes on to the
 * consent step in the same answer instead of back to the request: a
 * request that asks for a fresh sign-in (prompt=login, select_account,
 * max_age, id_token_hint) would otherwise ask again, for ever.
 */
int	authz_login_goes_on(const struct authz *);

/*
 * Whether the consent screen can be skipped for s's user (*skip): a
 * first-party client, or a client with remember_consent for which the
 * user approved every scope of a before (oauth_consents, not revoked);
 * never with prompt=consent.
 */
enum db_status	authz_consent_skip(struct arena *, struct app *,
		    const struct authz *, const struct session_row *s,
		    int *skip);

/*
 * The user approved a on the consent screen: remember its scopes, with
 * those approved before, when the client remembers consent.
 */
enum db_status	authz_consent_remember(struct app *, const struct authz *,
		    const struct session_row *s);

#endif
