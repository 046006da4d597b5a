/*
 * libFuzzer target for lib/parse/prompt.c.  The input, split at its
 * first '|', is a prompt and a max_age; each must keep the contract of
 * prompt.h (Core §3.1.2.1): a prompt that parses is a non-empty set of
 * the four values, none alone, and the names of its set joined by spaces
 * parse to the same set; one that does not leaves the set empty; a
 * max_age that parses is within 0 … MAX_AGE_MAX and is its digits.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/prompt.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_prompt(const char *s)
{
	char		 text[PROMPT_MAX + 1] = "";
	unsigned	 set = 1, again = 0;
	int		 p;

	if (prompt_parse(s, &set) != PROMPT_OK) {
		if (set != 0)
			abort();
		return;
	}
	if (set == 0 || set >= PROMPT_BIT(PROMPT__MAX) ||
	    ((set & PROMPT_BIT(PROMPT_NONE)) &&
	    set != PROMPT_BIT(PROMPT_NONE)))
		abort();
	for (p = 0; p < PROMPT__MAX; p++)
		if (set & PROMPT_BIT(p)) {
			if (text[0] != '\0')
				strcat(text, " ");
			strcat(text, prompt_name(p));
		}
	if (prompt_parse(text, &again) != PROMPT_OK || again != set)
		abort();
}

static void
check_max_age(const char *s)
{
	char	digits[16];
	long	v = -1;

	if (max_age_parse(s, &v) == -1) {
		if (v != -1)
			abort();
		return;
	}
	if (v < 0 || v > MAX_AGE_MAX)
		abort();
	snprintf(digits, sizeof(digits), "%ld", v);
	/* Leading zeros aside, the value is the text. */
	s += strspn(s, "0");
	if (strcmp(*s == '\0' ? "0" : s, digits) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t	*bar;
	char		*a, *b;
	size_t		 na;

	bar = memchr(data, '|', size);
	na = bar != NULL ? (size_t)(bar - data) : size;
	a = strndup((const char *)data, na);
	b = bar != NULL ? strndup((const char *)bar + 1, size - na - 1) :
	    strdup("");
	if (a == NULL || b == NULL)
		abort();
	check_prompt(a);
	check_max_age(b);
	free(a);
	free(b);
	return 0;
}
