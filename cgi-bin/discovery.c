/*
 * discovery.fcgi: GET /.well-known/oauth-authorization-server and /.well-
 * known/jwks.json.  Configuration from $CPASSPORT_CONFIG; FastCGI, or
 * plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/discovery_endpoint.h"
#include "http/route.h"

static const struct route routes[] = {
	{ DISCOVERY_METADATA_PATH, ROUTE_GET | ROUTE_HEAD, discovery_metadata },
	{ DISCOVERY_JWKS_PATH, ROUTE_GET | ROUTE_HEAD, discovery_jwks },
};

static const struct router router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};

int
main(void)
{
	return app_main("discovery.fcgi", &router);
}
