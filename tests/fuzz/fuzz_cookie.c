/*
 * libFuzzer target for lib/parse/cookie.c: any bytes as a Cookie header, asked
 * for a long and a one-letter name.  Aborts when a result breaks the
 * contract in cookie.h: a value within max, made of cookie-octets only
 * (RFC 6265 §4.1.1), found in the header right after "name=" (possibly
 * with spaces and a DQUOTE between).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "parse/cookie.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check(const char *h, size_t hlen, const char *name, size_t max)
{
	struct arena	*a = arena_new();
	char		*v = cookie_get(a, h, name, max);
	size_t		 i, len;

	if (v == NULL) {
		arena_release(a);
		return;
	}
	len = strlen(v);
	if (len > max || hlen > COOKIE_MAX_HEADER || strstr(h, name) == NULL)
		abort();
	for (i = 0; i < len; i++)
		if ((unsigned char)v[i] < 0x21 || (unsigned char)v[i] > 0x7e ||
		    strchr("\",;\\", v[i]) != NULL)
			abort();
	if (len > 0 && strstr(h, v) == NULL)
		abort();
	arena_release(a);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*h = malloc(size + 1);

	if (h == NULL)
		return 0;
	memcpy(h, data, size);
	h[size] = '\0';
	check(h, strlen(h), "cpassport_callback", 200);
	check(h, strlen(h), "a", 8);
	free(h);
	return 0;
}
