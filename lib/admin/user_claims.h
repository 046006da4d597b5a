/*
 * The CLI's custom claims and e-mail verification of users (`cpassport
 * user claim`, `user claims`, `user verify-email`): what the userinfo
 * answer, id_tokens and access tokens release (grant/claims.h).
 */
#ifndef CPASSPORT_USER_CLAIMS_H
#define CPASSPORT_USER_CLAIMS_H

#include <stddef.h>

#include "app/app.h"

/*
 * A value's JSON text at most (the table's CHECK bounds jsonb's text,
 * which spaces a value's ':' and ',', to twice this).
 */
#define CLAIM_VALUE_MAX	2048

/*
 * The JSON text of a claim value given on the command line: the value
 * itself when it parses as a JSON value (strictly, not null), else the
 * value as a JSON string.  Returns it (in the arena), or NULL with a
 * message: empty, null, over CLAIM_VALUE_MAX, or not UTF-8.
 */
char	*admin_claim_value(struct arena *, const char *raw, char *err,
	    size_t errlen);

/*
 * For user id, in one transaction: set each "NAME=VALUE" of assign
 * (nassign), then remove each NAME of unset (nunset).  Each name must be
 * a custom claim's (claim_name_valid), each value admin_claim_value's;
 * nothing is written unless all are, and the user and each removed claim
 * exist.  Returns 0, or -1 with a message.
 */
int	admin_user_claims(struct app *, const char *id,
	    const char *const *assign, size_t nassign,
	    const char *const *unset, size_t nunset, char *err,
	    size_t errlen);

/* Set whether user id's e-mail is verified (Core §5.1 email_verified). */
int	admin_user_email_verified(struct app *, const char *id, int verified,
	    char *err, size_t errlen);

#endif
