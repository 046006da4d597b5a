/* The Cookie request header; see cookie.h. */
#include <string.h>

#include "base/arena.h"
#include "parse/cookie.h"

/* RFC 6265 §4.1.1 cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E */
static int
is_cookie_octet(unsigned char c)
{
	return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' &&
	    c != '\\';
}

/* The whole header: no control character (CTL, RFC 5234 B.1) anywhere. */
static int
has_ctl(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 1;
	return 0;
}

/* Shrink [*p, *p + *len) past leading and trailing spaces. */
static void
trim(const char **p, size_t *len)
{
	while (*len > 0 && **p == ' ') {
		(*p)++;
		(*len)--;
	}
	while (*len > 0 && (*p)[*len - 1] == ' ')
		(*len)--;
}

/*
 * The value v[0..len) of the wanted cookie: unwrap one pair of DQUOTEs
 * (§4.1.1 cookie-value), then every byte must be a cookie-octet.
 * Returns 0 with the bare value in *v, *len, or -1.
 */
static int
value_valid(const char **v, size_t *len, size_t max)
{
	size_t	i;

	if (*len >= 2 && (*v)[0] == '"' && (*v)[*len - 1] == '"') {
		(*v)++;
		*len -= 2;
	}
	if (*len > max)
		return -1;
	for (i = 0; i < *len; i++)
		if (!is_cookie_octet((unsigned char)(*v)[i]))
			return -1;
	return 0;
}

char *
cookie_get(struct arena *a, const char *header, const char *name, size_t max)
{
	const char	*p, *end, *seg, *eq, *n, *v;
	const char	*found = NULL;
	size_t		 hlen, namelen, seglen, nlen, vlen, flen = 0;

	if (header == NULL || name == NULL || *name == '\0')
		return NULL;
	hlen = strnlen(header, COOKIE_MAX_HEADER + 1);
	if (hlen > COOKIE_MAX_HEADER || has_ctl(header, hlen))
		return NULL;
	namelen = strlen(name);
	end = header + hlen;
	/* §4.2.1: cookie-pair *( ";" SP cookie-pair ), spaces tolerated. */
	for (p = header; p < end; p = seg + seglen + 1) {
		seg = p;
		v = memchr(seg, ';', (size_t)(end - seg));
		seglen = v != NULL ? (size_t)(v - seg) : (size_t)(end - seg);
		n = seg;
		nlen = seglen;
		trim(&n, &nlen);
		if (nlen == 0)
			continue;	/* an empty segment, e.g. a trailing ";" */
		if ((eq = memchr(n, '=', nlen)) == NULL)
			return NULL;	/* a pair without '=': malformed */
		v = eq + 1;
		vlen = nlen - (size_t)(v - n);
		nlen = (size_t)(eq - n);
		trim(&n, &nlen);
		trim(&v, &vlen);
		if (nlen != namelen || memcmp(n, name, namelen) != 0)
			continue;
		if (found != NULL)
			return NULL;	/* twice: ambiguous, refused */
		if (value_valid(&v, &vlen, max) == -1)
			return NULL;
		found = v;
		flen = vlen;
	}
	return found != NULL ? arena_strndup(a, found, flen) : NULL;
}
