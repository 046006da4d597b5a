/*
 * Helpers of the callback.fcgi tests (and of authorize.fcgi's REMOTE_USER
 * mode): what callback.sh set up, GET requests with a cookie, and the
 * pieces of a response (a Set-Cookie value, a query parameter of a
 * Location).  Setup failures bail out as ep.c does.
 */
#ifndef CPASSPORT_CALLBACK_LIB_H
#define CPASSPORT_CALLBACK_LIB_H

#include "ep.h"

/* allow_plain_http, as callback.sh's stack. */
#define CB_CONFIG	"allow_plain_http = true"
#define CB_ISSUER	"https://issuer.test"

/*
 * Scope read, Cy (c@example.com, password pw, scope read), "Callback app"
 * (redirect URI issuer + /callback) configured as the callback's client
 * with callback_scope read, and "Other app" with the same redirect URI.
 */
struct cb_world {
	char	cid[UUID_TEXT_LEN + 1], secret[SECRET_TEXT_LEN + 1];
	char	other_id[UUID_TEXT_LEN + 1];
};
void		 cb_world(struct ep *, struct cb_world *);

/*
 * GET uri (its query after '?') from the program, with the cookie (or
 * NULL) and HTTPS (or NULL).  Returns the status.
 */
int		 cb_get(struct ep *, enum ep_program, const char *uri,
		    const char *cookie, const char *https);
/*
 * The value of the cookie name in the last response's Set-Cookie
 * headers (NULL when none sets it), and the whole header, in static
 * buffers.
 */
const char	*cb_cookie(const struct ep *, const char *name);
const char	*cb_set_cookie(const struct ep *, const char *name);
/* The decoded query parameter name of url, or "" (static buffer). */
const char	*cb_qparam(const char *url, const char *name);
/* s contains part (s may be NULL). */
int		 cb_has(const char *s, const char *part);

#endif
