/*
 * introspect.fcgi: POST /oauth/introspect (RFC 7662).  Configuration from
 * $CPASSPORT_CONFIG; FastCGI, or plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/introspect_endpoint.h"

int
main(void)
{
	return app_main("introspect.fcgi", &introspect_router);
}
