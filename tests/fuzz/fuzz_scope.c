/*
 * libFuzzer target for lib/parse/scope.c.  The input, split at its first
 * '|', is two scope lists; each that parses must keep the contract of
 * scope.h (RFC 6749 §3.3): at most SCOPE_MAX_ITEMS distinct names of
 * SCOPE_MAX_NAME scope-token characters, joined and parsed again to the
 * same set, within itself; and what scope_narrow grants lies within both.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/scope.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
static int
token_char(unsigned char c)
{
	return c == 0x21 || (c >= 0x23 && c <= 0x5b) ||
	    (c >= 0x5d && c <= 0x7e);
}

static void
check_set(const struct scope_set *s)
{
	struct scope_set	 again;
	char			 text[SCOPE_MAX_TEXT];
	size_t			 i, j, len;

	if (s->n > SCOPE_MAX_ITEMS)
		abort();
	for (i = 0; i < s->n; i++) {
		if ((len = strlen(s->items[i])) == 0 || len > SCOPE_MAX_NAME)
			abort();
		for (j = 0; j < len; j++)
			if (!token_char((unsigned char)s->items[i][j]))
				abort();
		for (j = 0; j < i; j++)
			if (strcmp(s->items[i], s->items[j]) == 0)
				abort();
		if (!scope_has(s, s->items[i]) ||
		    !scope_allows(s, s->items[i]))
			abort();
	}
	if (scope_parse(scope_join(s, text), &again) == -1 || again.n != s->n)
		abort();
	if (strlen(text) >= SCOPE_MAX_TEXT)
		abort();
	if (scope_parse(text, &again) == -1 || again.n != s->n)
		abort();
	for (i = 0; i < s->n; i++)
		if (strcmp(again.items[i], s->items[i]) != 0)
			abort();
	if (!scope_within(s, &again))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scope_set	 a, b, out, copy;
	const uint8_t		*bar;
	char			*sa, *sb;
	size_t			 na;
	int			 ra, rb;

	bar = memchr(data, '|', size);
	na = bar != NULL ? (size_t)(bar - data) : size;
	sa = strndup((const char *)data, na);
	sb = bar != NULL ? strndup((const char *)bar + 1, size - na - 1) :
	    strdup("");
	if (sa == NULL || sb == NULL)
		abort();
	if ((ra = scope_parse(sa, &a)) == 0)
		check_set(&a);
	if ((rb = scope_parse(sb, &b)) == 0)
		check_set(&b);
	if (ra == 0 && rb == 0) {
		/* What is granted is asked for and held (RFC 6749 §3.3). */
		scope_narrow(&a, &b, &b, &out);
		check_set(&out);
		if (!scope_within(&out, &a) || !scope_within(&out, &b))
			abort();
		copy = a;
		if (!scope_within(&copy, &a) || !scope_within(&a, &copy))
			abort();
	}
	free(sa);
	free(sb);
	return 0;
}
