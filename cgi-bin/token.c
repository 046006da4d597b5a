/*
 * token.fcgi: POST /oauth/token.  Configuration from $CPASSPORT_CONFIG;
 * FastCGI, or plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/token_endpoint.h"
#include "http/route.h"

static const struct route routes[] = {
	{ "/oauth/token", ROUTE_POST, token_endpoint },
};

static const struct router router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};

int
main(void)
{
	return app_main("token.fcgi", &router);
}
