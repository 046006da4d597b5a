/* The transport rule for credentials; see transport.h. */
#include "auth/transport.h"

int
transport_allowed(const struct app *app, const struct http_request *req)
{
	return app->cfg.allow_plain_http || http_is_tls_or_loopback(req);
}
