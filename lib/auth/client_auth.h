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
 * Authenticate; on OAUTH_OK *out is the live client (free with
 * db_client_free()).  With a cache, *out may be its copy (out->cached):
 * only for a grant whose statement checks the copy's row versions.  *basic_used tells the error writer to add
 * WWW-Authenticate.  *desc is a constant description on error.  A
 * revoked client is OAUTH_INVALID_CLIENT with *revoked = 1 (when revoked
 * is not NULL), so a grant may answer otherwise.
 */
enum oauth_error client_auth(struct app *, const struct http_request *,
		    const struct client_credentials *, struct client_cache *,
		    struct client *out,
		    int *basic_used, int *revoked, const char **desc);

#endif
