/*
 * revoke.fcgi: POST /oauth/revoke (RFC 7009).  Configuration from
 * $CPASSPORT_CONFIG; FastCGI, or plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/revoke_endpoint.h"
#include "http/route.h"

static const struct route routes[] = {
	{ "/oauth/revoke", ROUTE_POST, revoke_endpoint },
};

static const struct router router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};

int
main(void)
{
	return app_main("revoke.fcgi", &router);
}
