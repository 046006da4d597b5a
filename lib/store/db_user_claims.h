/* The claims of users: users' standard columns and cpassport_user_claims. */
#ifndef CPASSPORT_DB_USER_CLAIMS_H
#define CPASSPORT_DB_USER_CLAIMS_H

#include "store/db.h"

/* What the claims of a user are made of (Core §5.1). */
struct user_claims {
	char		*name;		/* "" when not set */
	char		*email;
	int		 email_verified;
	long long	 updated_at;	/* seconds since the epoch */
	char		*custom;	/* a JSON object: name -> value */
};

/*
 * One statement: user id's standard claims and, of the custom claims it
 * has, those named in names (space-separated; "" for none), into the
 * arena.  updated_at is the latest change of the user's row or of any
 * of its custom claims.  *found = 0 when no such user.
 */
enum db_status	db_user_claims_read(struct arena *, struct db *,
		    const char *id, const char *names, struct user_claims *out,
		    int *found);

#endif
