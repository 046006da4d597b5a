/* The oauth_auth_codes table: authorization codes, stored as SHA-256. */
#ifndef CPASSPORT_DB_CODE_H
#define CPASSPORT_DB_CODE_H

#include <time.h>

#include "db.h"

struct code_spec {
	const char	*hash;		/* SHA-256 hex of the code */
	const char	*user_id;
	const char	*client_id;
	const char	*scopes;	/* space-separated */
	const char	*redirect_uri;
	int		 redirect_given;/* redirect_uri was in the request */
	const char	*challenge;	/* NULL: no PKCE */
	const char	*method;	/* "S256" or "plain" */
	time_t		 exp;
};

enum db_status	db_code_insert(struct db *, const struct code_spec *);

struct code_row {
	char	*user_id;
	char	*client_id;
	char	*scopes;
	char	*redirect_uri;
	int	 redirect_given;
	char	*challenge;	/* NULL: none */
	char	*method;
	int	 expired;
	int	 user_revoked;
	char	*user_scopes;
};

/*
 * Use the code: mark it used in the same statement that reads it (single
 * use, RFC 6749 §4.1.2), so of two exchanges at most one gets a row.
 * *found = 0 when unknown, used or revoked.  Free with db_code_free().
 */
enum db_status	db_code_consume(struct db *, const char *hash,
		    struct code_row *, int *found);
void		db_code_free(struct code_row *);

/*
 * A used code presented again: revoke it and every token issued from it,
 * with their refresh families (RFC 6749 §4.1.2 "SHOULD revoke").
 * *replayed = 1 when the code existed and had been used.
 */
enum db_status	db_code_replay(struct db *, const char *hash, int *replayed);

#endif
