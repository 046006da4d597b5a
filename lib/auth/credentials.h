/*
 * Checking a user's e-mail and password, for the login form and the
 * password grant alike: throttled (throttle.h) before the password is
 * looked at, the same work whether or not the account exists, and a
 * stored hash brought up to bcrypt_cost on success (password.h).
 */
#ifndef CPASSPORT_CREDENTIALS_H
#define CPASSPORT_CREDENTIALS_H

#include "app/app.h"
#include "store/db_user.h"

enum credentials_result {
	CREDENTIALS_OK,		/* *u is the user, in the arena */
	CREDENTIALS_WRONG,	/* no such user, wrong password or revoked */
	CREDENTIALS_THROTTLED,	/* refused unchecked: retry in *wait s */
	CREDENTIALS__MAX
};

/*
 * Judge email and password from address (NULL: unknown).  Returns DB_OK
 * with *res set, or the database's failure (then nothing was judged).
 * *u is zeroed first and filled only for CREDENTIALS_OK.
 */
enum db_status	credentials_check(struct arena *, struct app *,
		    const char *email, const char *password,
		    const char *address, struct user *u,
		    enum credentials_result *res, long *wait);

#endif
