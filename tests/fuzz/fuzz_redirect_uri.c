/*
 * libFuzzer target for lib/parse/redirect_uri.c: the input is "registered\0
 * asked" (no NUL: both the same bytes).  Aborts when a result breaks the
 * contract in redirect_uri.h: a valid URI has a scheme, stays within
 * REDIRECT_URI_MAX, and holds no fragment, space, control or non-ASCII
 * byte (RFC 6749 §3.1.2, RFC 3986 §2); two URIs that match but differ are
 * a loopback one and itself with another port (RFC 8252 §7.3).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/redirect_uri.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_valid(const char *u)
{
	const unsigned char	*p;

	if (!redirect_uri_valid(u))
		return;
	if (strlen(u) > REDIRECT_URI_MAX || strchr(u, ':') == NULL ||
	    strchr(u, '#') != NULL)
		abort();
	for (p = (const unsigned char *)u; *p != '\0'; p++)
		if (*p <= 0x20 || *p >= 0x7f)
			abort();
}

/*
 * u without the ":digits" right after its loopback host, into out; aborts
 * unless a path, a query or nothing follows (no userinfo, no other host).
 */
static void
strip_port(const char *u, char *out)
{
	size_t	n = strncmp(u, "http://[::1]", 12) == 0 ? 12 : 16;

	memcpy(out, u, n);
	u += n;
	if (*u == ':')
		u += 1 + strspn(u + 1, "0123456789");
	if (*u != '\0' && *u != '/' && *u != '?')
		abort();
	strcpy(out + n, u);
}

static void
check_match(const char *reg, const char *asked)
{
	size_t	 rl = strlen(reg), al = strlen(asked);
	char	*r, *a;

	if (!redirect_uri_matches(reg, rl, asked, al))
		return;
	if (rl > REDIRECT_URI_MAX || al > REDIRECT_URI_MAX)
		abort();
	if (strcmp(reg, asked) == 0)
		return;
	if ((strncmp(reg, "http://127.0.0.1", 16) != 0 &&
	    strncmp(reg, "http://[::1]", 12) != 0) ||
	    strncmp(reg, asked, strncmp(reg, "http://[::1]", 12) ? 16 : 12))
		abort();
	r = malloc(rl + 1);
	a = malloc(al + 1);
	if (r == NULL || a == NULL)
		abort();
	strip_port(reg, r);
	strip_port(asked, a);
	if (strcmp(r, a) != 0)
		abort();
	free(r);
	free(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*buf = malloc(size + 1);
	const char	*reg, *asked;

	if (buf == NULL)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	reg = buf;
	asked = strlen(buf) < size ? buf + strlen(buf) + 1 : buf;
	check_valid(reg);
	check_valid(asked);
	check_match(reg, asked);
	free(buf);
	return 0;
}
