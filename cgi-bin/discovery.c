/*
 * discovery.fcgi: GET /.well-known/oauth-authorization-server and /.well-
 * known/jwks.json.  Configuration from $CPASSPORT_CONFIG; FastCGI, or
 * plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/discovery_endpoint.h"

int
main(void)
{
	return app_main("discovery.fcgi", &discovery_router);
}
