/*
 * Redirects to a client's registered redirect URI (RFC 6749 §4.1.2,
 * §4.1.2.1): parameters appended to its query, which may already exist,
 * with libcurl's URL API doing the encoding.
 */
#ifndef CPASSPORT_REDIRECT_H
#define CPASSPORT_REDIRECT_H

#include "http.h"

/*
 * Write a 302 to base with the pairs (name, value, …, NULL; a NULL value
 * skips its pair) appended to the query.  Returns 0, or -1 when base does
 * not parse (nothing written).
 */
int	redirect_with(struct http_response *, const char *base,
	    const char *const *pairs);

#endif
