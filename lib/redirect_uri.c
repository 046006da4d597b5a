/* Redirect URI rules; see redirect_uri.h. */
#include <string.h>
#include <strings.h>

#include "redirect_uri.h"

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
