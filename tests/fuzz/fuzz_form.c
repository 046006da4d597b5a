/*
 * libFuzzer target for lib/parse/form.c: form_parse against a token-endpoint-like
 * table, and form_decode on the whole input.  Beyond the sanitizers, it
 * aborts when a result breaks the contract in form.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "parse/form.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const struct form_param params[] = {
	{ "grant_type", 64 },
	{ "username", 128 },
	{ "password", 256 },
	{ "scope", 1024 },
	{ "client_id", 128 },
	{ "client_secret", 256 },
	{ "", 8 },
};
#define NP	(sizeof(params) / sizeof(params[0]))

/* A decoded value: exactly len bytes, within max, no NUL/CR/LF. */
static void
check(const char *s, size_t len, size_t max)
{
	if (strlen(s) != len || len > max || strpbrk(s, "\r\n") != NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		*a = arena_new();
	struct form_value	 v[NP];
	const char		*in = (const char *)data;
	char			*s;
	size_t			 i, len;
	int			 bad = 12345;

	memset(v, 0xa5, sizeof(v));	/* form_parse must initialise v */
	if (form_parse(a, in, size, params, NP, v, &bad) == FORM_OK) {
		if (bad != -1)
			abort();
		for (i = 0; i < NP; i++)
			if (v[i].s != NULL) {
				/* RFC 6749 §3.1: empty means omitted. */
				if (v[i].len == 0)
					abort();
				check(v[i].s, v[i].len, params[i].max);
			}
	} else {
		if (bad < -1 || bad >= (int)NP)
			abort();
		for (i = 0; i < NP; i++)
			if (v[i].s != NULL)
				abort();
	}

	if ((s = form_decode(a, in, size, 512, &len)) != NULL)
		check(s, len, 512);
	arena_release(a);
	return 0;
}
