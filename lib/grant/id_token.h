/*
 * The OpenID Connect id_token (Core §2, §3.1.3.3): a JWT beside the
 * access token of a grant whose scopes hold openid, saying who signed
 * in, when and how, for the client alone, signed with the key of the
 * client's registered algorithm (id_token_signed_response_alg).
 */
#ifndef CPASSPORT_ID_TOKEN_H
#define CPASSPORT_ID_TOKEN_H

#include "app/app.h"
#include "grant/issue.h"
#include "http/oauth_error.h"
#include "parse/scope.h"
#include "store/db_client.h"

/* 1 when a grant of these scopes gets an id_token: it names openid. */
int		 id_token_wanted(const struct scope_set *granted);

/*
 * Sign the id_token of client c beside the access token of *t into
 * t->id_token (issue_clear() frees it): for t->row's user ("sub", never
 * reused) and OpenID context (auth_time, sid, amr: the approving
 * session's, which its refreshes carry on, Core §12.2; 0 and NULL
 * leave the claim out), with nonce (NULL: none) and the claims the
 * granted scopes release (claims_add, rows in the arena).  OAUTH_OK,
 * OAUTH_SERVER_ERROR (logged: the client's algorithm has no key, signing
 * failed), or the database's failure as oauth_db_error() makes it.
 */
enum oauth_error id_token_issue(struct arena *, struct app *,
		    const struct client *c, const struct scope_set *granted,
		    const char *nonce, struct issued *t);

#endif
