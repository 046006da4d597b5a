/*
 * The claims about a user that the granted scopes release (Core §5.4,
 * §5.1), for an id_token, the userinfo answer or an access token.
 * Standard claims: scope profile releases name (when set) and updated_at,
 * scope email releases email and email_verified.  Custom claims
 * (cpassport_user_claims) are released by the scope the config binds each
 * to (`claim = NAME SCOPE`); one bound to no scope never is.  "*" granted
 * grants every scope.  "sub" is the caller's to set.
 */
#ifndef CPASSPORT_CLAIMS_H
#define CPASSPORT_CLAIMS_H

#include <json-c/json.h>

#include "app/app.h"
#include "parse/scope.h"
#include "store/db.h"

enum claims_use {
	CLAIMS_ID_TOKEN,	/* standard and custom claims */
	CLAIMS_USERINFO,	/* standard and custom claims */
	/*
	 * Only the custom claims access_token_claims lists (RFC 9068 §2.2.1
	 * allows identity claims in an access token; the operator picks).
	 */
	CLAIMS_ACCESS_TOKEN,
};

/*
 * Add to obj the claims of user_id that granted releases for use: one
 * statement, or none when granted releases nothing.  A member obj has
 * already (sub, iss, a registered claim) is never replaced.  Rows go
 * into the arena.  Returns DB_OK (also when the user is gone: nothing is
 * added) or the database's failure, obj then holding what it held.
 */
enum db_status	claims_add(struct arena *, struct app *, const char *user_id,
		    const struct scope_set *granted, enum claims_use,
		    json_object *obj);

#endif
