/*
 * libFuzzer target for lib/redirect_uri.c: the input is "registered\0
 * asked" (no NUL: both the same bytes).  Aborts when a result breaks the
 * contract in redirect_uri.h: a valid URI has a scheme, stays within
 * REDIRECT_URI_MAX, and holds no fragment, space, control or non-ASCII
 * byte (RFC 6749 §3.1.2, RFC 3986 §2).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redirect_uri.h"

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
	free(buf);
	return 0;
}
