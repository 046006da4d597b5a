/*
 * GET and POST /oauth/userinfo (OpenID Connect Core §5.3), a route of
 * user.fcgi: an access token with scope openid (RFC 6750 §2.1 header, or
 * §2.2 form body on a POST) → {"sub": the user's id, and the claims its
 * scopes release (grant/claims.h)}.  An http_handler whose ctx is a
 * struct app.
 */
#ifndef CPASSPORT_USERINFO_ENDPOINT_H
#define CPASSPORT_USERINFO_ENDPOINT_H

#include "http/http.h"

void	userinfo_endpoint(void *app, const struct http_request *,
	    struct http_response *);

#endif
