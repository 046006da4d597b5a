/*
 * POST /oauth/token (RFC 6749 §3.2), once the router took the POST:
 * checks transport, media type and body and parses the declared
 * parameters (post_form.h); authenticates the client; runs the grant;
 * answers its outcome, success or error, in one place.  An http_handler
 * whose ctx is a struct app.
 */
#ifndef CPASSPORT_TOKEN_ENDPOINT_H
#define CPASSPORT_TOKEN_ENDPOINT_H

#include "http/route.h"

void	token_endpoint(void *app, const struct http_request *,
	    struct http_response *);

/* The program's routes. */
extern const struct router token_router;

#endif
