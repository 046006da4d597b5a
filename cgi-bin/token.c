/*
 * token.fcgi: POST /oauth/token.  Configuration from $CPASSPORT_CONFIG;
 * FastCGI, or plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/token_endpoint.h"

int
main(void)
{
	return app_main("token.fcgi", &token_router);
}
