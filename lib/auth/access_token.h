/*
 * Checking an access token we issued: the JWT (signature by a key of the
 * set, typ at+jwt, our issuer, not expired, not before nbf) and then its
 * jti row (not revoked; client and user not revoked).  The one check that
 * /api/user, introspection and revocation share, and that any C program
 * linking libcpassport can call.
 */
#ifndef CPASSPORT_ACCESS_TOKEN_H
#define CPASSPORT_ACCESS_TOKEN_H

#include <stddef.h>

#include "app/app.h"
#include "parse/scope.h"
#include "store/db_client.h"

enum access_status {
	ACCESS_ACTIVE = 0,
	ACCESS_INACTIVE,	/* bad, foreign, expired or revoked */
	ACCESS_UNAVAILABLE,	/* the database is away */
	ACCESS_ERROR,
};

struct access_token {
	char		*jti;
	char		*sub;
	char		*client_id;
	char		*aud;
	char		*iss;
	char		*scope;		/* space-separated */
	long long	 iat, nbf, exp;
	struct scope_set scopes;
	char		*user_id;	/* from the database; NULL: none */
	char		*user_name;
	char		*user_email;
};

/*
 * Check token[0..len).  With check_db == 0 only the JWT is checked (and
 * the user fields stay NULL): what revocation needs to find the jti.
 * On ACCESS_ACTIVE *out is filled, into the arena.
 */
enum access_status access_token_check(struct arena *, struct app *,
		    const char *token, size_t len, int check_db,
		    struct access_token *out);
/*
 * access_token_check (with the row) for a caller judged on a cached copy
 * (client_cache.h): the same statement confirms that the caller's row is
 * still that copy and not revoked.  *confirmed = 0 when it is not, or when
 * the token failed before the row was asked; the caller must then be
 * judged on its row and the token looked up again.
 */
enum access_status access_token_check_for(struct arena *, struct app *,
		    const char *token, size_t len,
		    const struct client *caller, int *confirmed,
		    struct access_token *out);

#endif
