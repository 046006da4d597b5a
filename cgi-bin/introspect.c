/*
 * introspect.fcgi: POST /oauth/introspect (RFC 7662).  Configuration from
 * $CPASSPORT_CONFIG; FastCGI, or plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/introspect_endpoint.h"
#include "http/route.h"

static const struct route routes[] = {
	{ "/oauth/introspect", ROUTE_POST, introspect_endpoint },
};

static const struct router router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};

int
main(void)
{
	return app_main("introspect.fcgi", &router);
}
