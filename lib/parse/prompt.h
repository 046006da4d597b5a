/*
 * The authentication request's prompt and max_age (OpenID Connect Core
 * §3.1.2.1), parsed strictly.  Pure functions over NUL-terminated
 * strings the form parser decoded: no I/O, unit-tested and fuzzed alone.
 */
#ifndef CPASSPORT_PROMPT_H
#define CPASSPORT_PROMPT_H

/* The prompt values of Core §3.1.2.1, as bits of a set. */
enum prompt {
	PROMPT_NONE = 0,
	PROMPT_LOGIN,
	PROMPT_CONSENT,
	PROMPT_SELECT_ACCOUNT,
	PROMPT__MAX
};
#define PROMPT_BIT(p)	(1u << (p))

enum prompt_status {
	PROMPT_OK = 0,
	PROMPT_MALFORMED,	/* not values separated by single spaces */
	PROMPT_UNKNOWN,		/* a value not of Core §3.1.2.1 */
	PROMPT_NONE_WITH_OTHER	/* "none" with another value */
};

/* The longest prompt looked at: every value once, spaced. */
#define PROMPT_MAX	64

/*
 * Parse s, a space-separated list of values (a value may come twice),
 * into *set, a union of PROMPT_BIT()s.  On an error *set is 0.
 */
enum prompt_status prompt_parse(const char *s, unsigned *set);

/* The name of p ("none", "select_account"), or NULL. */
const char	*prompt_name(enum prompt p);

/* The largest max_age taken: ten years, in seconds. */
#define MAX_AGE_MAX	315360000L

/*
 * Parse s, a max_age: decimal digits only (no sign, no space), at most
 * MAX_AGE_MAX.  Returns 0 with *out set, or -1 (*out left alone).
 */
int	max_age_parse(const char *s, long *out);

#endif
