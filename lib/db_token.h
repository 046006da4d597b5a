/* The oauth_access_tokens and oauth_refresh_tokens tables. */
#ifndef CPASSPORT_DB_TOKEN_H
#define CPASSPORT_DB_TOKEN_H

#include <time.h>

#include "db.h"

struct token_row {
	const char	*jti;		/* access token id (uuid) */
	const char	*user_id;	/* NULL: no user */
	const char	*client_id;
	const char	*scopes;	/* space-separated */
	time_t		 iat;
	time_t		 exp;
	const char	*refresh_hash;	/* SHA-256 hex; NULL: no refresh token */
	time_t		 refresh_exp;
};

/*
 * Store an access token and, when refresh_hash is set, its refresh token
 * (a new rotation family named after the access token) in one statement.
 */
enum db_status	db_token_insert(struct db *, const struct token_row *);

#endif
