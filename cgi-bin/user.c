/*
 * user.fcgi: GET /api/user.  Configuration from $CPASSPORT_CONFIG;
 * FastCGI, or plain CGI when stdin is not a socket.
 */
#include "app.h"
#include "user_endpoint.h"

int
main(void)
{
	return app_main("user.fcgi", user_endpoint);
}
