/*
 * The oauth_login_failures table: login attempts per account and per
 * client address in fixed windows, shared by every process (the throttle
 * of the login form and of the password grant).
 */
#ifndef CPASSPORT_DB_THROTTLE_H
#define CPASSPORT_DB_THROTTLE_H

#include "store/db.h"

#define THROTTLE_WINDOW_ID_MAX	48	/* a timestamptz as text */

/* One key's count after db_throttle_take(). */
struct throttle_count {
	int	 is_account;	/* else the address */
	long	 attempts;	/* in the window, this one included */
	long	 left;		/* seconds until the window ends */
	char	 window[THROTTLE_WINDOW_ID_MAX]; /* its end: the window's id */
};

/*
 * Take one slot for each key, account (compared case-insensitively) and
 * address (skipped when NULL), in one statement: a window that has ended
 * starts afresh at 1.  Fills up to two counts and sets *n.
 */
enum db_status	db_throttle_take(struct db *, const char *account,
		    const char *address, long window,
		    struct throttle_count out[2], int *n);
/*
 * Give back the slot db_throttle_take() took for each key, in the window
 * it was taken in (account_window, address_window: its window member;
 * NULL: none taken), never in a later one.
 */
enum db_status	db_throttle_give_back(struct db *, const char *account,
		    const char *account_window, const char *address,
		    const char *address_window);

#endif
