/*
 * JSON Web Tokens (RFC 7519) in compact JWS form (RFC 7515): signing with
 * a struct key, and verifying against a keyset (the current key and the
 * retired ones).  Claims (exp, iss …) are the caller's to judge.
 */
#ifndef CPASSPORT_JWT_H
#define CPASSPORT_JWT_H

#include <stddef.h>

#include <json-c/json.h>

#include "crypto/keys.h"
#include "crypto/keyset.h"

/*
 * Sign claims (a JSON object as text) with header
 * {"alg":…,"typ":typ,"kid":…}.  typ is e.g. "at+jwt" (RFC 9068).
 * Returns a fresh "h.p.s" string (caller frees), or NULL.
 */
char	*jwt_sign(const struct key *, const char *typ, const char *claims_json);

/*
 * OpenID Connect Core §3.1.3.6 at_hash: base64url of the left half of
 * the hash of token's ASCII octets, the hash of the algorithm that signs
 * the id_token: SHA-256 for ES256 and RS256 (RFC 7518 §3), SHA-512 for
 * EdDSA over Ed25519.  A fresh string (caller frees), or NULL.
 */
char	*jwt_half_hash(enum key_type, const char *token);

#define JWT_MAX_LEN	8192	/* bytes of a token we look at */

enum jwt_status {
	JWT_OK = 0,
	JWT_MALFORMED,		/* not three base64url parts of JSON objects */
	JWT_BAD_HEADER,		/* alg/typ not as expected, crit present … */
	JWT_UNKNOWN_KID,	/* no key of the set has this kid */
	JWT_BAD_SIGNATURE,
	JWT__MAX
};

/*
 * Verify token[0..len) (untrusted): exactly three parts; a header that
 * is a JSON object with "alg" equal to the key's algorithm (never
 * "none"), "kid" naming a key of ks, "typ" equal to typ (compared
 * case-insensitively, RFC 9068 §4), and no "crit"; a valid signature.
 * On JWT_OK *claims is the payload object (caller json_object_put()s).
 */
enum jwt_status	 jwt_verify(const struct keyset *ks, const char *token,
		    size_t len, const char *typ, json_object **claims);

#endif
