/*
 * JSON Web Tokens (RFC 7519) in compact JWS form (RFC 7515), signed with a
 * struct key.  Only what an issuer needs: sign.
 */
#ifndef CPASSPORT_JWT_H
#define CPASSPORT_JWT_H

#include "keys.h"

/*
 * Sign claims (a JSON object as text) with header
 * {"alg":…,"typ":typ,"kid":…}.  typ is e.g. "at+jwt" (RFC 9068).
 * Returns a fresh "h.p.s" string (caller frees), or NULL.
 */
char	*jwt_sign(const struct key *, const char *typ, const char *claims_json);

#endif
