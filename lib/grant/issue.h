/*
 * Minting tokens: the access token (an RFC 9068 JWT whose jti is a row)
 * and, when asked, a refresh token (256 random bits, stored as SHA-256),
 * and the RFC 6749 §5.1 response that carries them.
 */
#ifndef CPASSPORT_ISSUE_H
#define CPASSPORT_ISSUE_H

#include <time.h>

#include "app/app.h"
#include "crypto/secret.h"
#include "http/http.h"
#include "http/oauth_error.h"
#include "parse/scope.h"
#include "store/db_token.h"

struct issue_request {
	const char		*user_id;	/* "sub"; NULL: the client */
	const char		*client_id;
	const struct scope_set	*scopes;
	const char		*name;		/* personal access token */
	long			 lifetime;	/* seconds; 0: access_token_lifetime */
	int			 with_refresh;
};

struct issued {
	char		 jti[UUID_TEXT_LEN + 1];
	char		*jwt;
	char		 scope[SCOPE_MAX_TEXT];	/* space-separated */
	char		 refresh[SECRET_TEXT_LEN + 1];	/* "" when none */
	char		 refresh_hash[SECRET_HASH_HEX + 1];
	char		*id_token;	/* OpenID Connect (id_token.h); NULL: none */
	struct token_row row;		/* for db_token_*; points into the
					 * issuer's rows: theirs to use */
};

/*
 * Make the token values and sign the JWT; the row points into *out.  A
 * token with a user carries the custom claims the config's
 * access_token_claims lists and its scopes release (grant/claims.h),
 * read in one statement only when the config lists some.  Returns
 * OAUTH_OK, OAUTH_SERVER_ERROR, or the database's error of that read
 * (oauth_db_error).  Release with issue_clear().
 */
enum oauth_error issue_mint(struct app *, const struct issue_request *,
		    struct issued *out);
/* Write the RFC 6749 §5.1 success response for *in. */
void		 issue_respond(struct http_response *, const struct issued *);
void		 issue_clear(struct issued *);

/*
 * Mint into *out and store (one statement): OAUTH_OK or an error.
 * Release *out with issue_clear() either way.
 */
enum oauth_error issue_tokens(struct app *, const struct issue_request *,
		    struct issued *out);

#endif
