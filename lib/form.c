/*
 * Strict application/x-www-form-urlencoded parsing; see form.h.
 *
 * We validate every component ourselves and leave the %xx arithmetic to
 * libcurl, which is lenient (it passes bad escapes through and decodes
 * %00), so nothing reaches it that we would not accept.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "form.h"
#include "xalloc.h"

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

/*
 * Decode in[0..len) into *out (xmalloc'd, NUL-terminated).  Returns
 * FORM_BAD_ENCODING or FORM_TOO_LONG without allocating anything.
 */
static enum form_status
decode(const char *in, size_t len, size_t max, char **out, size_t *outlen)
{
	enum form_status	 st;
	char			*tmp, *d;
	size_t			 i, n;
	int			 dlen;

	*out = NULL;
	if ((st = check(in, len, &n)) != FORM_OK)
		return st;
	if (n > max || len > INT_MAX)
		return FORM_TOO_LONG;

	/*
	 * '+' is a space (WHATWG URL, urlencoded parser), so a literal '+'
	 * arrives as %2B and must survive: substitute before unescaping.
	 * tmp is NUL-terminated with no NUL inside, so curl's "length 0
	 * means strlen()" is harmless for an empty component.
	 */
	tmp = xstrndup(in, len);
	for (i = 0; i < len; i++)
		if (tmp[i] == '+')
			tmp[i] = ' ';
	d = curl_easy_unescape(NULL, tmp, (int)len, &dlen);
	explicit_bzero(tmp, len);
	free(tmp);
	if (d == NULL) {
		/* Input was checked: only allocation can fail (xalloc.h). */
		fputs("cpassport: out of memory\n", stderr);
		abort();
	}
	*out = xstrndup(d, (size_t)dlen);
	explicit_bzero(d, (size_t)dlen);
	curl_free(d);
	if (outlen != NULL)
		*outlen = (size_t)dlen;
	return FORM_OK;
}

char *
form_decode(const char *in, size_t len, size_t max, size_t *outlen)
{
	char	*s;

	if (decode(in, len, max, &s, outlen) != FORM_OK)
		return NULL;
	return s;
}

void
form_free(struct form_value *values, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		/* Values include passwords and client secrets. */
		if (values[i].s != NULL)
			explicit_bzero(values[i].s, values[i].len);
		free(values[i].s);
		values[i].s = NULL;
		values[i].len = 0;
	}
}

enum form_status
form_parse(const char *buf, size_t len, const struct form_param *params,
    size_t n, struct form_value *values, int *bad)
{
	enum form_status	 st = FORM_OK;
	const char		*seg, *amp, *eq, *val;
	char			*name;
	size_t			 off, slen, vlen, i, pairs = 0;
	int			 idx = -1;

	for (i = 0; i < n; i++) {
		values[i].s = NULL;
		values[i].len = 0;
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
		if (decode(seg, eq - seg, FORM_MAX_NAME, &name, NULL) !=
		    FORM_OK) {
			st = FORM_BAD_ENCODING;
			goto fail;
		}
		/* Decoded names hold no NUL, so strcmp is exact. */
		for (i = 0; i < n; i++)
			if (strcmp(name, params[i].name) == 0)
				break;
		free(name);
		if (i == n) {
			/* RFC 6749 §3.1: ignore unknown parameters, once valid. */
			if ((st = check(val, vlen, &vlen)) != FORM_OK)
				goto fail;
			continue;
		}
		idx = (int)i;
		/* RFC 6749 §3.1: "MUST NOT be included more than once". */
		if (values[i].s != NULL) {
			st = FORM_DUPLICATE;
			goto fail;
		}
		if ((st = decode(val, vlen, params[i].max, &values[i].s,
		    &values[i].len)) != FORM_OK)
			goto fail;
		idx = -1;
	}
	if (bad != NULL)
		*bad = -1;
	return FORM_OK;

fail:
	form_free(values, n);
	if (bad != NULL)
		*bad = idx;
	return st;
}
