/*
 * Ending what a user is signed in with: login sessions, unused
 * authorization codes, access and refresh tokens, remembered consents
 * (RFC 9700 §4.14.2: a password change is a security event that ends
 * refresh tokens).
 */
#ifndef CPASSPORT_DB_USER_REVOKE_H
#define CPASSPORT_DB_USER_REVOKE_H

#include "store/db.h"

struct user_revoke_counts {
	long	sessions;
	long	codes;
	long	access;
	long	refresh;
	long	consents;	/* remembered, revoked (personal = 1) */
};

/*
 * In one statement: delete the user's sessions, revoke its unused codes,
 * its access tokens and their refresh tokens.  Personal access tokens
 * (named ones) and remembered consents (oauth_consents) are revoked too
 * only with personal = 1: the operator's user revoke, not a password
 * change.  c may be NULL.
 */
enum db_status	db_user_revoke(struct db *, const char *user_id,
		    int personal, struct user_revoke_counts *c);

#endif
