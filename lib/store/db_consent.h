/*
 * The oauth_consents table: the scopes a user approved for a client,
 * remembered until the user or an operator revokes them (the client's
 * remember_consent says whether they are used).
 */
#ifndef CPASSPORT_DB_CONSENT_H
#define CPASSPORT_DB_CONSENT_H

#include "store/db.h"

/*
 * The scopes user_id approved for client_id and that are not revoked,
 * space-separated, into the arena: *scopes, and *found (0, and *scopes
 * NULL, when there is no such row or it is revoked).
 */
enum db_status	db_consent_find(struct arena *, struct db *,
		    const char *user_id, const char *client_id,
		    char **scopes, int *found);

/*
 * Remember that user_id approved scopes (space-separated) for
 * client_id: their union with what was approved before, or scopes alone
 * when that was revoked or the union would be over SCOPE_MAX_ITEMS; the
 * row is live (not revoked) again.
 */
enum db_status	db_consent_grant(struct db *, const char *user_id,
		    const char *client_id, const char *scopes);

/*
 * Revoke what user_id approved: for client_id, or for every client when
 * client_id is NULL.  *n: how many consents were live and are revoked.
 */
enum db_status	db_consent_revoke(struct db *, const char *user_id,
		    const char *client_id, long *n);

#endif
