/*
 * Minting tokens: the access token (an RFC 9068 JWT whose jti is a row)
 * and, when asked, a refresh token (256 random bits, stored as SHA-256),
 * stored in one statement, then written as the RFC 6749 §5.1 response.
 */
#ifndef CPASSPORT_ISSUE_H
#define CPASSPORT_ISSUE_H

#include "app.h"
#include "http.h"
#include "oauth_error.h"
#include "scope.h"

struct issue_request {
	const char		*user_id;	/* "sub"; NULL: the client */
	const char		*client_id;
	const struct scope_set	*scopes;
	int			 with_refresh;
};

/*
 * Mint, store and write the success response into r.  Returns OAUTH_OK,
 * OAUTH_TEMPORARILY_UNAVAILABLE (database down) or OAUTH_SERVER_ERROR;
 * on error nothing is written to r.
 */
enum oauth_error issue_tokens(struct app *, const struct issue_request *,
		    struct http_response *r);

#endif
