/*
 * The oauth_session_clients table: the clients a login session signed
 * in to (RP-Initiated Logout 1.0: what a sign-out of that session ends).
 * Its rows go with their session (ON DELETE CASCADE).
 */
#ifndef CPASSPORT_DB_SESSION_CLIENTS_H
#define CPASSPORT_DB_SESSION_CLIENTS_H

#include <stddef.h>

#include "store/db.h"

#define SESSION_CLIENTS_MAX	32	/* names a sign-out page lists */

struct session_client_row {
	char	*name;
};

struct session_client_rows {
	struct session_client_row	*v;
	size_t				 n;
};

/*
 * The names of the live clients the session sid signed in to, in the
 * order it did, at most SESSION_CLIENTS_MAX, into the arena.
 */
enum db_status	db_session_clients_names(struct arena *, struct db *,
		    const char *sid, struct session_client_rows *);

#endif
