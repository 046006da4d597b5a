/*
 * callback.fcgi: GET /callback/start and GET /callback, the ready-made
 * client of the seed's first flow.  Configuration from $CPASSPORT_CONFIG;
 * FastCGI, or plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "client/callback_endpoint.h"

int
main(void)
{
	return app_main("callback.fcgi", &callback_router);
}
