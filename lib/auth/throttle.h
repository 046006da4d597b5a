/*
 * Throttling logins, per account and per client address, for the login
 * form and the password grant alike (counters in PostgreSQL, so it holds
 * across processes and under plain CGI).  The same answer whether or not
 * the account exists: the key is the e-mail as typed.
 *
 * Each attempt takes a slot before its password is looked at, in fixed
 * windows of THROTTLE_WINDOW seconds; over the limit it is refused.  A
 * failed attempt keeps its slot; a success gives it back.  So however
 * many attempts arrive at once, at most the limit are judged per window.
 */
#ifndef CPASSPORT_THROTTLE_H
#define CPASSPORT_THROTTLE_H

#include "app/app.h"
#include "store/db_throttle.h"

#define THROTTLE_ACCOUNT_LIMIT	5	/* failures per window per account */
#define THROTTLE_ADDRESS_LIMIT	20	/* failures per window per address */
#define THROTTLE_WINDOW		900	/* seconds */

/* The windows an attempt's slots were taken in ("": none). */
struct throttle_slot {
	char	account[THROTTLE_WINDOW_ID_MAX];
	char	address[THROTTLE_WINDOW_ID_MAX];
};

/*
 * Take a slot for the attempt into *slot.  DB_OK with *wait = 0: go
 * ahead and judge it; DB_OK with *wait > 0: refused (its slot already
 * given back), try again in *wait seconds.  Otherwise the database
 * failed: nothing taken.
 */
enum db_status	throttle_take(struct app *, const char *email,
		    const char *address, struct throttle_slot *slot,
		    long *wait);
/* The attempt succeeded, or was not judged: give its slot back. */
void		throttle_give_back(struct app *, const char *email,
		    const char *address, const struct throttle_slot *slot);

#endif
