/*
 * The OpenID Connect id_token (Core §2, §3.1.3.3): a JWT beside the
 * access token of a grant whose scopes hold openid, saying who signed
 * in, when and how, for the client alone, signed with the key of the
 * client's registered algorithm (id_token_signed_response_alg).
 */
#ifndef CPASSPORT_ID_TOKEN_H
#define CPASSPORT_ID_TOKEN_H

#include <time.h>

#include "app/app.h"
#include "grant/issue.h"
#include "http/oauth_error.h"
#include "parse/scope.h"
#include "store/db_client.h"

/* What an id_token says beyond the tokens beside it. */
struct id_token_request {
	const char		*user_id;	/* "sub": users.id, never reused */
	const struct scope_set	*granted;	/* the scope claims' */
	const char		*nonce;		/* NULL: none */
	time_t			 auth_time;	/* 0: none */
	const char		*sid;		/* NULL: none */
	const char		*amr;		/* "pwd", "ext"; NULL: none */
};

/* 1 when a grant of these scopes gets an id_token: it names openid. */
int		 id_token_wanted(const struct scope_set *granted);

/*
 * Sign the id_token of client c beside the access token of *t into
 * t->id_token (issue_clear() frees it), with the claims the granted
 * scopes release (claims_add, rows in the arena).  OAUTH_OK,
 * OAUTH_SERVER_ERROR (logged: the client's algorithm has no key, signing
 * failed), or the database's failure as oauth_db_error() makes it.
 */
enum oauth_error id_token_issue(struct arena *, struct app *,
		    const struct client *c, const struct id_token_request *,
		    struct issued *t);

#endif
