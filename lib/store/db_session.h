/* The oauth_sessions table: logins of the authorization endpoint. */
#ifndef CPASSPORT_DB_SESSION_H
#define CPASSPORT_DB_SESSION_H

#include <time.h>

#include "store/db.h"

struct session_row {
	char	*user_id;
	char	*csrf_hex;	/* the CSRF token's bytes, hex */
	char	*user_name;
	char	*user_email;
	char	*user_scopes;	/* space-separated */
};

/* Store a session by the SHA-256 of its cookie value. */
enum db_status	db_session_create(struct db *, const char *hash_hex,
		    const char *user_id, const char *csrf_hex, time_t exp);
/* A live session (unexpired, user not revoked) into the arena; *found. */
enum db_status	db_session_find(struct arena *, struct db *,
		    const char *hash_hex, struct session_row *, int *found);
enum db_status	db_session_delete(struct db *, const char *hash_hex);

#endif
