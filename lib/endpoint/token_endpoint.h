/*
 * POST /oauth/token (RFC 6749 §3.2): checks transport, method, media
 * type and body; parses the declared parameters; authenticates the
 * client; runs the grant.  An http_handler whose ctx is a struct app.
 */
#ifndef CPASSPORT_TOKEN_ENDPOINT_H
#define CPASSPORT_TOKEN_ENDPOINT_H

#include "http/route.h"

void	token_endpoint(void *app, const struct http_request *,
	    struct http_response *);

/* The program's routes. */
extern const struct router token_router;

#endif
