/*
 * Throttling failed logins, per account and per client address, for the
 * login form and the password grant alike (counters in PostgreSQL, so it
 * holds across processes and under plain CGI).  The same answer whether
 * or not the account exists: the key is the e-mail as typed.
 */
#ifndef CPASSPORT_THROTTLE_H
#define CPASSPORT_THROTTLE_H

#include "app.h"

#define THROTTLE_ACCOUNT_LIMIT	5	/* failures per window per account */
#define THROTTLE_ADDRESS_LIMIT	20	/* failures per window per address */
#define THROTTLE_WINDOW		900	/* seconds */
#define THROTTLE_BLOCK		300	/* seconds a key stays blocked */

/* Seconds to wait before another try (0: go ahead). */
enum db_status	throttle_wait(struct app *, const char *email,
		    const char *address, long *wait);
/* A failed login: count it against both keys. */
void		throttle_failed(struct app *, const char *email,
		    const char *address);
/* A successful login: the account starts afresh. */
void		throttle_succeeded(struct app *, const char *email);

#endif
