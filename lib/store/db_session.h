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
	/*
	 * OpenID Connect: the session's id (the id_token's "sid"), when
	 * the user authenticated (Core §2 auth_time) and how (RFC 8176
	 * §2 amr: "pwd" the login form, "ext" the web server's
	 * REMOTE_USER).
	 */
	char	 sid[37];
	time_t	 auth_time;
	char	 amr[4];
};

/*
 * Store a session by the SHA-256 of its cookie value, authenticated at
 * auth_time by amr ("pwd" or "ext"); the database gives it a fresh sid.
 */
enum db_status	db_session_create(struct db *, const char *hash_hex,
		    const char *user_id, const char *csrf_hex,
		    time_t auth_time, const char *amr, time_t exp);
/* A live session (unexpired, user not revoked) into the arena; *found. */
enum db_status	db_session_find(struct arena *, struct db *,
		    const char *hash_hex, struct session_row *, int *found);
enum db_status	db_session_delete(struct db *, const char *hash_hex);

#endif
