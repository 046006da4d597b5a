/*
 * Strict application/x-www-form-urlencoded parsing; see form.h.  Each
 * component is checked whole before a byte of it is decoded.
 */
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "parse/form.h"

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Check in[0..len) and count its decoded bytes into *n, exactly: each
 * valid %xx and each other byte yields one.
 */
static enum form_status
check(const char *in, size_t len, size_t *n)
{
	size_t	i;
	int	hi, lo, c;

	for (i = 0, *n = 0; i < len; i++, (*n)++) {
		/* Raw NUL, CR or LF never belong in a form component. */
		if (in[i] == '\0' || in[i] == '\r' || in[i] == '\n')
			return FORM_BAD_ENCODING;
		if (in[i] != '%')
			continue;
		/* RFC 3986 §2.1: '%' is always followed by two hex digits. */
		if (len - i < 3 || (hi = hexval(in[i + 1])) < 0 ||
		    (lo = hexval(in[i + 2])) < 0)
			return FORM_BAD_ENCODING;
		c = hi << 4 | lo;
		if (c == '\0' || c == '\r' || c == '\n')
			return FORM_BAD_ENCODING;
		i += 2;
	}
	return FORM_OK;
}

/* Decode in[0..len), which check() vouched for, into d (NUL-terminated). */
static void
unescape(const char *in, size_t len, char *d)
{
	size_t	i, o;

	for (i = 0, o = 0; i < len; i++, o++) {
		if (in[i] == '%') {
			d[o] = (char)(hexval(in[i + 1]) << 4 |
			    hexval(in[i + 2]));
			i += 2;
		} else	/* WHATWG URL: '+' is a space; %2B a literal '+' */
			d[o] = in[i] == '+' ? ' ' : in[i];
	}
	d[o] = '\0';
}

/*
 * Decode in[0..len) into *out (in the arena, NUL-terminated).  Returns
 * FORM_BAD_ENCODING or FORM_TOO_LONG without allocating anything.
 */
static enum form_status
decode(struct arena *a, const char *in, size_t len, size_t max, char **out,
    size_t *outlen)
{
	enum form_status	 st;
	size_t			 n;

	*out = NULL;
	if ((st = check(in, len, &n)) != FORM_OK)
		return st;
	if (n > max)
		return FORM_TOO_LONG;
	*out = arena_alloc(a, n + 1);
	unescape(in, len, *out);
	if (outlen != NULL)
		*outlen = n;
	return FORM_OK;
}

char *
form_decode(struct arena *a, const char *in, size_t len, size_t max,
    size_t *outlen)
{
	char	*s;

	if (decode(a, in, len, max, &s, outlen) != FORM_OK)
		return NULL;
	return s;
}

/* The declared parameter named in[0..len), or n; -1 when not a name. */
static int
lookup(const char *in, size_t len, const struct form_param *params,
    size_t n, size_t *i)
{
	char	name[FORM_MAX_NAME + 1];
	size_t	dlen;

	if (check(in, len, &dlen) != FORM_OK || dlen > FORM_MAX_NAME)
		return -1;
	unescape(in, len, name);
	/* Decoded names hold no NUL, so strcmp is exact. */
	for (*i = 0; *i < n; (*i)++)
		if (strcmp(name, params[*i].name) == 0)
			break;
	return 0;
}

static void
clear(struct form_value *values, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		values[i].s = NULL;
		values[i].len = 0;
	}
}

enum form_status
form_parse(struct arena *a, const char *buf, size_t len,
    const struct form_param *params, size_t n, struct form_value *values,
    int *bad)
{
	enum form_status	 st = FORM_OK;
	const char		*seg, *amp, *eq, *val;
	size_t			 off, slen, vlen, i, pairs = 0;
	uint64_t		 seen = 0;	/* bit i: params[i] was sent */
	int			 idx = -1;

	clear(values, n);
	if (n > FORM_MAX_PARAMS) {
		st = FORM_TOO_MANY;
		goto fail;
	}
	if (len > FORM_MAX_BODY) {
		st = FORM_TOO_LONG;
		goto fail;
	}

	for (off = 0; off < len; off += slen + 1) {
		seg = buf + off;
		amp = memchr(seg, '&', len - off);
		slen = amp != NULL ? (size_t)(amp - seg) : len - off;
		if (slen == 0)
			continue;	/* "a=1&&b=2", trailing '&' */
		if (++pairs > FORM_MAX_PAIRS) {
			st = FORM_TOO_MANY;
			goto fail;
		}
		/* A segment without '=' is a name with an empty value. */
		if ((eq = memchr(seg, '=', slen)) == NULL)
			eq = seg + slen;
		val = eq < seg + slen ? eq + 1 : eq;
		vlen = seg + slen - val;
		if (lookup(seg, (size_t)(eq - seg), params, n, &i) == -1) {
			st = FORM_BAD_ENCODING;
			goto fail;
		}
		if (i == n) {
			/* RFC 6749 §3.1: ignore unknown ones, once valid. */
			if ((st = check(val, vlen, &vlen)) != FORM_OK)
				goto fail;
			continue;
		}
		idx = (int)i;
		/* RFC 6749 §3.1: "MUST NOT be included more than once",
		 * with or without a value ("scope=&scope=x" too). */
		if (seen & (uint64_t)1 << i) {
			st = FORM_DUPLICATE;
			goto fail;
		}
		seen |= (uint64_t)1 << i;
		if ((st = decode(a, val, vlen, params[i].max, &values[i].s,
		    &values[i].len)) != FORM_OK)
			goto fail;
		/* RFC 6749 §3.1: "Parameters sent without a value MUST be
		 * treated as if they were omitted from the request." */
		if (values[i].len == 0)
			values[i].s = NULL;
		idx = -1;
	}
	if (bad != NULL)
		*bad = -1;
	return FORM_OK;

fail:
	clear(values, n);
	if (bad != NULL)
		*bad = idx;
	return st;
}
