/*
 * HTTP Basic credentials for client authentication, RFC 6749 §2.3.1 and
 * RFC 7617: "Basic " base64(urlencode(id) ":" urlencode(secret)).
 * Holds no secret itself and includes neither libpq nor OpenSSL.
 */
#ifndef CPASSPORT_BASIC_AUTH_H
#define CPASSPORT_BASIC_AUTH_H

#include <stddef.h>

struct arena;

#define BASIC_MAX_HEADER	1024	/* bytes of an Authorization header */
#define BASIC_MAX_ID		128	/* decoded client id */
#define BASIC_MAX_SECRET	256	/* decoded client secret */

enum basic_status {
	BASIC_NONE = 0,		/* header absent or of another scheme */
	BASIC_OK,		/* *id and *secret set, in the arena */
	BASIC_MALFORMED,	/* Basic, but not decodable as RFC 6749 §2.3.1 says */
};

/*
 * Parse an Authorization header value (may be NULL).  The scheme name is
 * case-insensitive; exactly one space-run separates it from the token.
 * On BASIC_OK, *id and *secret are NUL-terminated strings in the arena.
 */
enum basic_status basic_auth_parse(struct arena *, const char *header,
	    char **id, char **secret);

#endif
