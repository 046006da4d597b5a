/*
 * authorize.fcgi: GET/POST /oauth/authorize, GET /oauth/request and
 * /oauth/logout.  Configuration from $CPASSPORT_CONFIG; FastCGI, or plain
 * CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/authorize_endpoint.h"

int
main(void)
{
	return app_main("authorize.fcgi", &authorize_router);
}
