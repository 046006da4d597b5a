/*
 * GET /.well-known/oauth-authorization-server (RFC 8414 metadata) and
 * GET /.well-known/jwks.json (RFC 7517 key set: the signing key and the
 * retired ones still in use).  An http_handler whose ctx is a struct app.
 */
#ifndef CPASSPORT_DISCOVERY_ENDPOINT_H
#define CPASSPORT_DISCOVERY_ENDPOINT_H

#include "http/http.h"

void	discovery_endpoint(void *app, const struct http_request *,
	    struct http_response *);

#endif
