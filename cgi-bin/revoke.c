/*
 * revoke.fcgi: POST /oauth/revoke (RFC 7009).  Configuration from
 * $CPASSPORT_CONFIG; FastCGI, or plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/revoke_endpoint.h"

int
main(void)
{
	return app_main("revoke.fcgi", &revoke_router);
}
