/*
 * libFuzzer target for lib/parse/basic_auth.c: the input, NUL-terminated, is an
 * Authorization header value.  Aborts when a result breaks the contract
 * in basic_auth.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/xalloc.h"
#include "parse/basic_auth.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	*a = arena_new();
	char		*h, *id, *secret;

	h = xstrndup((const char *)data, size);
	switch (basic_auth_parse(a, h, &id, &secret)) {
	case BASIC_OK:
		if (*id == '\0' || strlen(id) > BASIC_MAX_ID ||
		    strlen(secret) > BASIC_MAX_SECRET)
			abort();
		break;
	case BASIC_NONE:
	case BASIC_MALFORMED:
		if (id != NULL || secret != NULL)
			abort();
		break;
	default:
		abort();
	}
	free(h);
	arena_release(a);
	return 0;
}
