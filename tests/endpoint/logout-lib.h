/*
 * The world of the RP-Initiated Logout tests (oidc-logout-*): the code
 * flow world (authcode-lib.h) with post-logout redirect URIs registered
 * for the web app (LO_BYE, LO_BYE_Q) and the single-URI client
 * (LO_SINGLE_BYE), alice signed in (jar) with her session's sid, the
 * web app approved (which writes its oauth_session_clients row) and the
 * single-URI client's row written by hand; id_tokens
 * signed in the test with the app's current key, as the token endpoint
 * signs them (typ JWT).
 */
#ifndef CPASSPORT_LOGOUT_LIB_H
#define CPASSPORT_LOGOUT_LIB_H

#include "authcode-lib.h"

#define LO_BYE		"https://app.example/bye"
#define LO_BYE_Q	"https://app.example/bye?from=op"
#define LO_SINGLE_BYE	"https://single.example/bye"

struct lo_world {
	struct ac_world	w;
	struct ac_jar	jar;
	char		sid[64];	/* alice's session */
};

void		 lo_world(struct ep *, struct lo_world *);
/*
 * An id_token for aud and sub with sid (NULL: none) and exp, iss the
 * app's, signed with the current key and typ (JWT for an id_token);
 * static until the next call.
 */
const char	*lo_hint(struct ep *, const char *typ, const char *aud,
		    const char *sub, const char *sid, long long exp);
/* GET /oauth/logout?query with the jar (NULL: no cookie); the status. */
int		 lo_get(struct ep *, struct ac_jar *, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/*
 * The session still serves: the web app's request is answered without
 * the login form, with a code (its consent remembered) or the consent
 * page.
 */
int		 lo_alive(struct ep *, struct lo_world *);
/*
 * The last answer is a refusal page: status 400, no Location, no
 * confirmation form, with text in it.
 */
int		 lo_refused(const struct ep *, int status, const char *text);
/* The rows of oauth_sessions and of oauth_session_clients, counted. */
long		 lo_sessions(struct ep *);
long		 lo_session_clients(struct ep *);

#endif
