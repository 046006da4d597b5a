/*
 * Client authentication at the token endpoint, RFC 6749 §2.3.1:
 * client_secret_basic (Authorization: Basic) or client_secret_post
 * (client_id and client_secret in the body), never both; a public client
 * sends only client_id.
 */
#ifndef CPASSPORT_CLIENT_AUTH_H
#define CPASSPORT_CLIENT_AUTH_H

#include "app/app.h"
#include "http/http.h"
#include "http/oauth_error.h"
#include "store/client_cache.h"
#include "store/db_client.h"

struct client_credentials {
	const char	*body_id;	/* client_id from the body, or NULL */
	const char	*body_secret;	/* client_secret from the body, or NULL */
};

/*
 * Authenticate.  On OAUTH_OK *out is the live client, in the request's
 * arena; with a cache, *out may be its copy (out->cached):
 * only for a grant whose statement checks the copy's row versions.  The
 * outcome says whether the client tried Basic (basic_used, for the
 * error writer's WWW-Authenticate, set on success too) and, on
 * OAUTH_INVALID_CLIENT, whether the row says the client is revoked
 * (client_revoked), so a grant may answer otherwise.  On error nothing
 * is held.
 */
struct oauth_outcome client_auth(struct app *, const struct http_request *,
		    const struct client_credentials *, struct client_cache *,
		    struct client *out);

#endif
