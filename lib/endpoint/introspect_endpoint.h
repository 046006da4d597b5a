/*
 * POST /oauth/introspect (RFC 7662): a confidential client asks whether a
 * token is active and what it carries.  An http_handler (ctx: struct app).
 */
#ifndef CPASSPORT_INTROSPECT_ENDPOINT_H
#define CPASSPORT_INTROSPECT_ENDPOINT_H

#include "http/route.h"

void	introspect_endpoint(void *app, const struct http_request *,
	    struct http_response *);

/* The program's routes. */
extern const struct router introspect_router;

#endif
