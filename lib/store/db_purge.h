/*
 * Removing dead rows: expired and revoked tokens, codes and sessions,
 * and login throttle windows that have ended.
 */
#ifndef CPASSPORT_DB_PURGE_H
#define CPASSPORT_DB_PURGE_H

#include "store/db.h"

#define PURGE_EXPIRED	0x1
#define PURGE_REVOKED	0x2
#define PURGE_BATCH	1000	/* rows per statement: short locks */

struct purge_counts {
	long	access;
	long	refresh;
	long	codes;
	long	sessions;
	long	login_windows;	/* ended login throttle windows */
};

/*
 * Delete, in batches of PURGE_BATCH, what `what` names.  An access token
 * row that a live (unexpired, unrevoked) refresh token still depends on
 * is never deleted: used refresh tokens keep their rows for reuse
 * detection until they expire.
 */
enum db_status	db_purge(struct db *, int what, struct purge_counts *);

#endif
