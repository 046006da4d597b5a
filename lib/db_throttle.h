/*
 * The oauth_login_failures table: failed logins per account and per
 * client address, shared by every process (the throttle of the login
 * form and of the password grant).
 */
#ifndef CPASSPORT_DB_THROTTLE_H
#define CPASSPORT_DB_THROTTLE_H

#include "db.h"

/*
 * Seconds the pair (account, address) must still wait: the larger of the
 * two keys' remaining blocks; 0 when free.
 */
enum db_status	db_throttle_wait(struct db *, const char *account,
		    const char *address, long *wait);
/*
 * Count one failure for the key of kind ("account" or "address"); once
 * the count in the window reaches limit, block it for block seconds.
 */
enum db_status	db_throttle_fail(struct db *, const char *kind,
		    const char *key, int limit, long window, long block);
/* Forget an account's failures (after a successful login). */
enum db_status	db_throttle_reset(struct db *, const char *account);

#endif
