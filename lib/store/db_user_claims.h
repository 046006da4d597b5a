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

/*
 * Set claim name of user id to the JSON text json (a write of one row,
 * which also marks the user changed); *found = 0 when no such user.
 * Names and values are the caller's to check (claim_name_valid; the
 * table's CHECKs refuse the rest with DB_ERROR).
 */
enum db_status	db_user_claim_set(struct db *, const char *id,
		    const char *name, const char *json, int *found);
/* Remove one; *found = 0 when the user has no such claim. */
enum db_status	db_user_claim_unset(struct db *, const char *id,
		    const char *name, int *found);

/* A custom claim as the CLI lists it. */
struct user_claim_row {
	char	*name;
	char	*value;		/* JSON text */
};

struct user_claim_rows {
	struct user_claim_row	*v;
	size_t			 n;
};

/* User id's custom claims, by name, into the arena. */
enum db_status	db_user_claim_list(struct arena *, struct db *,
		    const char *id, struct user_claim_rows *out);
/* Set users.email_verified (Core §5.1); *found = 0 when no such user. */
enum db_status	db_user_email_verified(struct db *, const char *id,
		    int verified, int *found);

#endif
