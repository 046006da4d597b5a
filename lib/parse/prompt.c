/* prompt and max_age; see prompt.h. */
#include <string.h>

#include "parse/prompt.h"

static const char *const names[PROMPT__MAX] = {
	[PROMPT_NONE] = "none",
	[PROMPT_LOGIN] = "login",
	[PROMPT_CONSENT] = "consent",
	[PROMPT_SELECT_ACCOUNT] = "select_account",
};

const char *
prompt_name(enum prompt p)
{
	return (unsigned)p < PROMPT__MAX ? names[p] : NULL;
}

/* The value s[0..n), or -1: case-sensitive (Core §3.1.2.1). */
static int
lookup(const char *s, size_t n)
{
	int	p;

	for (p = 0; p < PROMPT__MAX; p++)
		if (strlen(names[p]) == n && memcmp(names[p], s, n) == 0)
			return p;
	return -1;
}

enum prompt_status
prompt_parse(const char *s, unsigned *set)
{
	size_t	n;
	int	p;

	*set = 0;
	if (strlen(s) > PROMPT_MAX)
		return PROMPT_MALFORMED;
	for (;;) {
		n = strcspn(s, " ");
		if (n == 0) {
			*set = 0;
			return PROMPT_MALFORMED;
		}
		if ((p = lookup(s, n)) == -1) {
			*set = 0;
			return PROMPT_UNKNOWN;
		}
		*set |= PROMPT_BIT(p);
		if (s[n] == '\0')
			break;
		s += n + 1;
	}
	/* Core §3.1.2.1: none "MUST NOT" come with any other value. */
	if ((*set & PROMPT_BIT(PROMPT_NONE)) && *set != PROMPT_BIT(PROMPT_NONE)) {
		*set = 0;
		return PROMPT_NONE_WITH_OTHER;
	}
	return PROMPT_OK;
}

int
max_age_parse(const char *s, long *out)
{
	long	v = 0;
	size_t	i;

	if (s[0] == '\0' || strlen(s) > 9)
		return -1;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v > MAX_AGE_MAX)
		return -1;
	*out = v;
	return 0;
}
