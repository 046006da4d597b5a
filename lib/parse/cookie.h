/*
 * The Cookie request header, RFC 6265 §4.2.1: "name=value; name=value".
 * Pure; includes neither libpq nor OpenSSL.
 */
#ifndef CPASSPORT_COOKIE_H
#define CPASSPORT_COOKIE_H

#include <stddef.h>

struct arena;

#define COOKIE_MAX_HEADER	4096	/* bytes of a Cookie header we read */

/*
 * The value of the cookie called name in header (may be NULL), as a
 * string in the arena, or NULL when it is absent, appears more than once
 * (ambiguous: refused), is longer than max, holds a byte outside
 * cookie-octet (RFC 6265 §4.1.1; a DQUOTE-wrapped value is unwrapped), or
 * when the header is over COOKIE_MAX_HEADER or malformed.
 */
char	*cookie_get(struct arena *, const char *header, const char *name,
	    size_t max);

#endif
