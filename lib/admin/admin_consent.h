/*
 * The CLI's half of `cpassport consent revoke`: forget what a user
 * approved, so that the consent screen asks again.
 */
#ifndef CPASSPORT_ADMIN_CONSENT_H
#define CPASSPORT_ADMIN_CONSENT_H

#include <stddef.h>

#include "app/app.h"

/*
 * Revoke the remembered consents of user_id: for client_id, or for
 * every client when client_id is NULL.  0 with *n, how many were live
 * (none is no error), or -1 with the message: a malformed id, no such
 * user or client, or the database's failure.
 */
int	admin_consent_revoke(struct app *, const char *user_id,
	    const char *client_id, long *n, char *err, size_t errlen);

#endif
