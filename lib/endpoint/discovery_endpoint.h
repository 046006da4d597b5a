/*
 * GET /.well-known/oauth-authorization-server (RFC 8414 metadata),
 * GET /.well-known/openid-configuration (OpenID Connect Discovery 1.0 §3:
 * the same members and the OpenID ones) and GET /.well-known/jwks.json
 * (RFC 7517 key set: the signing key and the retired ones still in use).
 * http_handlers whose ctx is a struct app.
 */
#ifndef CPASSPORT_DISCOVERY_ENDPOINT_H
#define CPASSPORT_DISCOVERY_ENDPOINT_H

#include "http/route.h"

#define DISCOVERY_METADATA_PATH	"/.well-known/oauth-authorization-server"
#define DISCOVERY_JWKS_PATH	"/.well-known/jwks.json"
#define DISCOVERY_OPENID_PATH	"/.well-known/openid-configuration"

void	discovery_metadata(void *app, const struct http_request *,
	    struct http_response *);
void	discovery_openid(void *app, const struct http_request *,
	    struct http_response *);
void	discovery_jwks(void *app, const struct http_request *,
	    struct http_response *);

/* The program's routes. */
extern const struct router discovery_router;

#endif
