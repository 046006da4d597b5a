/*
 * /oauth/logout, part of authorize.fcgi: a sign-out that another site
 * cannot force (an <img src=…/oauth/logout> ends nothing).
 *
 * GET (or HEAD): with a session, a confirmation page whose form POSTs
 *   back the session's CSRF token (the one the consent form carries);
 *   without one, a page saying so (200).
 * POST with that token (compared in constant time): the session row is
 *   deleted, its cookie cleared, and a "Signed out" page shown.  Without
 *   the token or with another: 403, the session left alive.
 * Any other method: 405 with Allow: GET, POST (the router's, route.h).
 * Both are http_handlers whose ctx is a struct app.
 */
#ifndef CPASSPORT_LOGOUT_ENDPOINT_H
#define CPASSPORT_LOGOUT_ENDPOINT_H

#include "http/http.h"

void	logout_get(void *app, const struct http_request *,
	    struct http_response *);
void	logout_post(void *app, const struct http_request *,
	    struct http_response *);

#endif
