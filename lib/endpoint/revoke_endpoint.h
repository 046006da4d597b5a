/*
 * POST /oauth/revoke (RFC 7009): a client revokes one of its own access
 * or refresh tokens.  An http_handler whose ctx is a struct app.
 */
#ifndef CPASSPORT_REVOKE_ENDPOINT_H
#define CPASSPORT_REVOKE_ENDPOINT_H

#include "http/route.h"

void	revoke_endpoint(void *app, const struct http_request *,
	    struct http_response *);

/* The program's routes. */
extern const struct router revoke_router;

#endif
