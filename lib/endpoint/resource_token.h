/*
 * The access token of a request to a protected resource of ours
 * (/api/user, /oauth/userinfo): found as RFC 6750 §2 allows, then checked
 * (access_token_check, its row included) and required to represent a
 * user, and to hold the scope the resource requires.
 */
#ifndef CPASSPORT_RESOURCE_TOKEN_H
#define CPASSPORT_RESOURCE_TOKEN_H

#include <stddef.h>

#include "app/app.h"
#include "auth/access_token.h"
#include "http/http.h"
#include "http/oauth_error.h"

/* What a resource asks of the token besides a user. */
struct resource_rule {
	int		 with_form;	/* RFC 6750 §2.2 allowed (POST) */
	const char	*scope;		/* required, or NULL */
	const char	*lacks;		/* error_description without it */
};

/*
 * Over TLS only (RFC 6750 §5.3): the Authorization header's Bearer token
 * (§2.1) or, with rule->with_form and a POST with a body, the form
 * body's access_token (§2.2), never both (§3.1 "more than one method");
 * an active access token of ours that represents a user (§3.1
 * invalid_token otherwise) and holds rule->scope (§3.1
 * insufficient_scope, with that scope in the challenge).  0 with *t
 * filled into the arena and the response's log_client set; -1 when the
 * error is written to r (oauth_bearer_error_write()).
 */
int		 resource_token_accept(struct app *,
		    const struct http_request *, struct http_response *r,
		    const struct resource_rule *, struct access_token *t);

#endif
