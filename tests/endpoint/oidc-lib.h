/*
 * The world of the OpenID Connect tests (authcode-lib.h's browser): the
 * scope read beside 005's openid, profile and email; alice (openid,
 * profile, email, read; "pw one") signed in through the login form; a
 * web app at AC_CB (confidential, with consent) and a first-party one
 * registered with require_nonce, both RS256; the config
 * allow_plain_http and default_scope = read, then extra.
 */
#ifndef CPASSPORT_OIDC_LIB_H
#define CPASSPORT_OIDC_LIB_H

#include "authcode-lib.h"

struct oidc_world {
	char		alice[64];
	char		cid[UUID_TEXT_LEN + 1], csecret[SECRET_TEXT_LEN + 1];
	char		nid[UUID_TEXT_LEN + 1], nsecret[SECRET_TEXT_LEN + 1];
	struct ac_jar	jar;	/* alice's session */
};

void		 oidc_world(struct ep *, struct oidc_world *, const char *extra);

/*
 * The authorization request of client_id at AC_CB for scope, state
 * s-1, then more ("&nonce=n", or ""): a query (static, reused in turn).
 */
const char	*oidc_query(const char *client_id, const char *scope,
		    const char *more);
/*
 * GET /oauth/authorize?query in alice's session, approving the consent
 * page if one comes; the code (static) or NULL.
 */
const char	*oidc_code(struct ep *, struct oidc_world *, const char *query);
/* The client (id, secret) exchanges the code at AC_CB; the status. */
int		 oidc_exchange(struct ep *, const char *id, const char *secret,
		    const char *code);

#endif
