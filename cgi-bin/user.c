/*
 * user.fcgi: GET /api/user.  Configuration from $CPASSPORT_CONFIG;
 * FastCGI, or plain CGI when stdin is not a socket.
 */
#include "app/app.h"
#include "endpoint/user_endpoint.h"

int
main(void)
{
	return app_main("user.fcgi", &user_router);
}
