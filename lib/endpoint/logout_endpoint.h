/*
 * /oauth/logout, part of authorize.fcgi: the end-session endpoint of
 * OpenID Connect RP-Initiated Logout 1.0, a sign-out that another site
 * cannot force (an <img src=…/oauth/logout> ends nothing).  The request
 * (id_token_hint, client_id, post_logout_redirect_uri, state; §2) is
 * resolved first (logout_request.h): one that does not resolve is a
 * 400 (404: no such client) page, never a redirect (§4).
 *
 * GET (or HEAD): with a session, a confirmation page whose form POSTs
 *   back the session's CSRF token (the one the consent form carries)
 *   with the resolved client_id, post_logout_redirect_uri and state;
 *   without one, a 303 to the registered URI with state (nothing to
 *   end), or a page saying so (200).
 * POST with csrf_token: that token (compared in constant time) deletes
 *   the session row, clears its cookie, and answers a 303 to the
 *   registered URI with state, or a "Signed out" page.  With another
 *   token: 403, the session left alive.
 * POST without csrf_token: an RP's request (§2), answered with a 303 to
 *   the GET of the same parameters (a cross-site POST carries no
 *   SameSite=Lax cookie).
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
