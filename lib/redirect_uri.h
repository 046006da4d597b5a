/*
 * The rules a redirect URI obeys (RFC 6749 §3.1.2): which strings may be
 * registered.  Pure functions over a NUL-terminated string of at most
 * REDIRECT_URI_MAX bytes: no I/O, no secrets, unit-tested and fuzzed.
 */
#ifndef CPASSPORT_REDIRECT_URI_H
#define CPASSPORT_REDIRECT_URI_H

#define REDIRECT_URI_MAX	2000	/* bytes of a redirect URI */

/*
 * 1 when u may be registered (and redirected to as it is): an absolute
 * URI (RFC 3986 §4.3) of RFC 3986 characters only, without a fragment
 * (RFC 6749 §3.1.2), with a host when its scheme is http or https, and
 * not a scheme that runs code in the browser.  Private-use schemes pass
 * (RFC 8252 §7.1: com.example.app:/cb, myapp://callback).
 */
int	redirect_uri_valid(const char *u);

#endif
