/* Redirect URI rules; see redirect_uri.h. */
#include <string.h>
#include <strings.h>

#include "parse/redirect_uri.h"

#define ALPHA	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define DIGIT	"0123456789"
/* RFC 3986 §2: unreserved, sub-delims, ':' '@' '/' '?', '[' ']' of an
 * IP literal, and '%' of an escape: every URI byte but '#'. */
#define URICHAR	ALPHA DIGIT "-._~" "!$&'()*+,;=" ":@/?" "[]" "%"

static int
is_hex(char c)
{
	return c != '\0' && strchr(DIGIT "abcdefABCDEF", c) != NULL;
}

/* 1 when s is all URI characters, each '%' followed by two hex digits. */
static int
chars_valid(const char *s)
{
	for (; *s != '\0'; s++) {
		if (strchr(URICHAR, *s) == NULL)
			return 0;
		if (*s == '%' && !(is_hex(s[1]) && is_hex(s[2])))
			return 0;
	}
	return 1;
}

/* Length of u's scheme (RFC 3986 §3.1), 0 when it has none. */
static size_t
scheme_len(const char *u)
{
	size_t	n;

	if (strchr(ALPHA, u[0]) == NULL || u[0] == '\0')
		return 0;
	n = strspn(u, ALPHA DIGIT "+-.");
	return u[n] == ':' ? n : 0;
}

static int
scheme_is(const char *u, size_t n, const char *name)
{
	return strlen(name) == n && strncasecmp(u, name, n) == 0;
}

int
redirect_uri_valid(const char *u)
{
	const char	*host;
	size_t		 n, len = strlen(u);

	if (len > REDIRECT_URI_MAX || (n = scheme_len(u)) == 0 ||
	    u[n + 1] == '\0' || !chars_valid(u))
		return 0;	/* also any '#': no fragment, §3.1.2 */
	/* RFC 6749 §10.6 (and RFC 9700 §4.1): never a page of script. */
	if (scheme_is(u, n, "javascript") || scheme_is(u, n, "data") ||
	    scheme_is(u, n, "vbscript"))
		return 0;
	if (scheme_is(u, n, "http") || scheme_is(u, n, "https")) {
		/* RFC 9110 §4.2: an http(s) URI has an authority and host. */
		if (strncmp(u + n + 1, "//", 2) != 0)
			return 0;
		host = u + n + 3;
		/* No userinfo (RFC 3986 §7.6: a semantic attack). */
		if (memchr(host, '@', strcspn(host, "/?")) != NULL ||
		    strcspn(host, ":/?") == 0)
			return 0;
	}
	return 1;
}

/* RFC 8252 §7.3: the loopback IP literals, http only. */
static const char *const loopback[] = {
	"http://127.0.0.1",
	"http://[::1]",
};

/*
 * The length of u[0..len)'s loopback origin "http://host[:port]" when it
 * has one, a decimal port 1-65535 without leading zeros, then nothing or
 * a path or query; else 0.  *hostlen is the length without the port.
 */
static size_t
loopback_origin(const char *u, size_t len, size_t *hostlen)
{
	size_t		i, n, d;
	unsigned long	port = 0;

	for (i = 0; i < sizeof(loopback) / sizeof(loopback[0]); i++) {
		n = strlen(loopback[i]);
		if (len >= n && memcmp(u, loopback[i], n) == 0)
			break;
	}
	if (i == sizeof(loopback) / sizeof(loopback[0]))
		return 0;
	*hostlen = n;
	if (n < len && u[n] == ':') {
		for (d = n + 1; d < len && u[d] >= '0' && u[d] <= '9'; d++) {
			if (d - n > 5)
				return 0;	/* six digits */
			port = port * 10 + (unsigned long)(u[d] - '0');
		}
		if (d == n + 1 || u[n + 1] == '0' || port > 65535)
			return 0;
		n = d;
	}
	/* Not "http://127.0.0.1:80@evil.example" nor "…1.example". */
	if (n < len && u[n] != '/' && u[n] != '?')
		return 0;
	return n;
}

int
redirect_uri_matches(const char *reg, size_t rlen, const char *asked,
    size_t alen)
{
	size_t	ro, ao, rh, ah;

	if (rlen > REDIRECT_URI_MAX || alen > REDIRECT_URI_MAX)
		return 0;
	if (rlen == alen && memcmp(reg, asked, rlen) == 0)
		return 1;
	/* RFC 8252 §7.3: a native app listens on a port it is given. */
	if ((ro = loopback_origin(reg, rlen, &rh)) == 0 ||
	    (ao = loopback_origin(asked, alen, &ah)) == 0)
		return 0;
	/* The same host; scheme, path and query byte for byte. */
	return rh == ah && memcmp(reg, asked, rh) == 0 &&
	    rlen - ro == alen - ao && memcmp(reg + ro, asked + ao,
	    rlen - ro) == 0;
}
