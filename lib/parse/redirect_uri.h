/*
 * The rules a redirect URI obeys (RFC 6749 §3.1.2): which strings may be
 * registered, and which asked URI a registered one stands for.  Pure
 * functions over strings of at most REDIRECT_URI_MAX bytes (longer ones
 * are refused unread): no I/O, no secrets, unit-tested and fuzzed.
 */
#include <stddef.h>

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

/*
 * 1 when the client may ask asked[0..alen) under the registered
 * reg[0..rlen): the same bytes (RFC 6749 §3.1.2.3 simple string
 * comparison), or, for a loopback redirect (RFC 8252 §7.3, RFC 9700
 * §4.1.3), the same but for the port: reg is http://127.0.0.1 or
 * http://[::1], with or without a port, and asked is it with any port
 * (1-65535) or none, the path and query identical.  localhost is not
 * loopback here (RFC 8252 §8.3): compared exactly.
 */
int	redirect_uri_matches(const char *reg, size_t rlen, const char *asked,
	    size_t alen);

#endif
