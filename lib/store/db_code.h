/* The oauth_auth_codes table: authorization codes, stored as SHA-256. */
#ifndef CPASSPORT_DB_CODE_H
#define CPASSPORT_DB_CODE_H

#include <time.h>

#include "store/db.h"

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
	/*
	 * What its id_token will say (Core §2): the request's nonce (NULL:
	 * none), and the approving session's auth_time, sid and amr.
	 */
	const char	*nonce;
	time_t		 auth_time;
	const char	*sid;
	const char	*amr;
};

/*
 * Store the code and, when it has a sid, record the session's sign-in
 * to the client (oauth_session_clients), in one statement.
 */
enum db_status	db_code_insert(struct db *, const struct code_spec *);

struct code_row {
	char	*user_id;
	char	*scopes;
	char	*redirect_uri;
	int	 redirect_given;
	char	*challenge;	/* NULL: none */
	char	*method;
	int	 expired;
	int	 user_revoked;
	char	*user_scopes;
	char	*nonce;		/* NULL: none */
	time_t	 auth_time;	/* 0: none */
	char	*sid;		/* NULL: none */
	char	*amr;		/* NULL: none */
};

/*
 * Use the code as client_id: mark it used in the same statement that
 * reads it (single use, RFC 6749 §4.1.2), so of two exchanges at most
 * one gets a row, and only when client_id is the client the code was
 * issued to (§4.1.3): another client's presentation leaves it unused.
 * *found = 0 when unknown, another client's, used or revoked.  The row
 * is in the arena.
 */
enum db_status	db_code_consume(struct arena *, struct db *, const char *hash,
		    const char *client_id, struct code_row *, int *found);

/*
 * A used code presented again by the client it was issued to: revoke it
 * and every token issued from it, with their refresh families (RFC 6749
 * §4.1.2 "SHOULD revoke").  Another client's presentation revokes
 * nothing: it cannot end the owner's tokens.  *replayed = 1 when the
 * code existed, was client_id's and had been used.
 */
enum db_status	db_code_replay(struct db *, const char *hash,
		    const char *client_id, int *replayed);

#endif
