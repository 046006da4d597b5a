/*
 * The Authorization request header field of RFC 6750 §2.1:
 * "Bearer" 1*SP b64token.  Pure; includes neither libpq nor OpenSSL.
 */
#ifndef CPASSPORT_BEARER_HEADER_H
#define CPASSPORT_BEARER_HEADER_H

#include <stddef.h>

enum bearer_header {
	BEARER_HEADER_NONE = 0,		/* absent, or another scheme */
	BEARER_HEADER_OK,
	BEARER_HEADER_MALFORMED,	/* "Bearer" with a bad or no token */
};

/*
 * Parse header (may be NULL).  On BEARER_HEADER_OK *token points into
 * header and *len is its length (at most maxlen).
 */
enum bearer_header bearer_header_parse(const char *header, size_t maxlen,
		    const char **token, size_t *len);

#endif
