/*
 * token.fcgi: POST /oauth/token.  Configuration from $CPASSPORT_CONFIG.
 * Runs as FastCGI, or as plain CGI when stdin is not a socket.
 */
#include <stdio.h>

#include "app.h"
#include "http.h"
#include "log.h"
#include "token_endpoint.h"

int
main(void)
{
	struct app	app;
	char		err[512];
	int		rc;

	log_init("token.fcgi");
	if (app_init(&app, NULL, 1, err, sizeof(err)) == -1) {
		log_warnx("%s", err);
		return 1;
	}
	rc = http_serve(token_endpoint, &app);
	app_free(&app);
	return rc;
}
