/*
 * Redirects to a client's redirect URI (RFC 6749 §4.1.2, §4.1.2.1): the
 * URI exactly as registered, byte for byte, then '?' (or '&' when it has
 * a query already) and the parameters, percent-encoded.  The URI is never
 * parsed and re-serialized (RFC 8252 §7.1: com.example.app:/cb stays so).
 */
#ifndef CPASSPORT_REDIRECT_H
#define CPASSPORT_REDIRECT_H

#include "http/http.h"

/*
 * base with the pairs (name, value, …, NULL; a NULL value skips its
 * pair) appended to its query.  Returns a string in the arena, or NULL
 * when base is not a valid redirect URI (redirect_uri.h).
 */
char	*redirect_url(struct arena *, const char *base,
	    const char *const *pairs);

/*
 * The same for a path of this server (an absolute-path reference, RFC
 * 3986 §4.2, without query or fragment: "/oauth/logout"), or NULL when
 * path is not one.
 */
char	*redirect_local_url(struct arena *, const char *path,
	    const char *const *pairs);

/* Write a 303 See Other (RFC 9110 §15.4.4) to url, not stored. */
void	redirect_see_other(struct http_response *, const char *url);

/*
 * Write a 302 to redirect_url(base, pairs).  Returns 0, or -1 when base
 * is not a valid redirect URI (nothing written).
 */
int	redirect_with(struct http_response *, const char *base,
	    const char *const *pairs);

#endif
