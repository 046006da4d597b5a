/*
 * The access token of a request to a protected resource of ours
 * (/api/user, /oauth/userinfo): found as RFC 6750 §2 allows, then checked
 * (access_token_check, its row included) and required to represent a
 * user.  Each returns OAUTH_OK or the error the resource answers with
 * oauth_bearer_error_write().
 */
#ifndef CPASSPORT_RESOURCE_TOKEN_H
#define CPASSPORT_RESOURCE_TOKEN_H

#include <stddef.h>

#include "app/app.h"
#include "auth/access_token.h"
#include "http/http.h"
#include "http/oauth_error.h"

/*
 * Over TLS only (RFC 6750 §5.3): the Authorization header's Bearer token
 * (§2.1) or, when with_form and the request is a POST with a body, the
 * form body's access_token (§2.2), never both (§3.1 "more than one
 * method").  *tok (in the request or its arena) and *len on OAUTH_OK.
 */
struct oauth_outcome resource_token_find(const struct app *,
		    const struct http_request *, int with_form,
		    const char **tok, size_t *len);

/*
 * tok[0..len) an active access token of ours that represents a user
 * (RFC 6750 §3.1 invalid_token otherwise); *t filled into the arena.
 */
struct oauth_outcome resource_token_check(struct arena *, struct app *,
		    const char *tok, size_t len, struct access_token *t);

#endif
