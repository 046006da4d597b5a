/*
 * user.fcgi: GET /api/user.  Configuration from $CPASSPORT_CONFIG;
 * FastCGI, or plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/user_endpoint.h"
#include "http/route.h"

static const struct route routes[] = {
	{ "/api/user", ROUTE_GET | ROUTE_HEAD, user_endpoint },
};

static const struct router router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};

int
main(void)
{
	return app_main("user.fcgi", &router);
}
