/*
 * prompt and max_age of the authentication request (OpenID Connect Core
 * §3.1.2.1): the four values as a set, none alone, nothing else; max_age
 * as plain bounded decimal digits.
 */
#include <string.h>

#include "parse/prompt.h"
#include "tap.h"

#define B(p)	PROMPT_BIT(PROMPT_ ## p)

static void
prompt_is(const char *s, enum prompt_status want, unsigned want_set,
    const char *name)
{
	unsigned		set = 99;
	enum prompt_status	got = prompt_parse(s, &set);

	ok(got == want && set == want_set, "%s: \"%s\" (status %d, set %u)",
	    name, s, (int)got, set);
}

static void
max_age_is(const char *s, int want_rc, long want)
{
	long	v = -7;
	int	rc = max_age_parse(s, &v);

	ok(rc == want_rc && v == (rc == 0 ? want : -7),
	    "max-age (Core §3.1.2.1): \"%s\" -> %d, %ld", s, rc, v);
}

int
main(void)
{
	prompt_is("none", PROMPT_OK, B(NONE), "prompt-none");
	prompt_is("login consent", PROMPT_OK, B(LOGIN) | B(CONSENT),
	    "prompt-set");
	prompt_is("select_account login select_account", PROMPT_OK,
	    B(SELECT_ACCOUNT) | B(LOGIN), "prompt-set: a value twice");
	prompt_is("none login", PROMPT_NONE_WITH_OTHER, 0,
	    "prompt-none-with-other (Core §3.1.2.1)");
	prompt_is("consent none", PROMPT_NONE_WITH_OTHER, 0,
	    "prompt-none-with-other: in any place");
	prompt_is("Login", PROMPT_UNKNOWN, 0,
	    "prompt-unknown: values are case-sensitive");
	prompt_is("login create", PROMPT_UNKNOWN, 0, "prompt-unknown");
	prompt_is("login  consent", PROMPT_MALFORMED, 0,
	    "prompt-malformed: two spaces");
	prompt_is(" login", PROMPT_MALFORMED, 0, "prompt-malformed: leading");
	prompt_is("login ", PROMPT_MALFORMED, 0, "prompt-malformed: trailing");
	prompt_is("", PROMPT_MALFORMED, 0, "prompt-malformed: empty");
	prompt_is("login\tconsent", PROMPT_UNKNOWN, 0,
	    "prompt-unknown: a tab is no separator");
	prompt_is("login login login login login login login login login "
	    "login login", PROMPT_MALFORMED, 0,
	    "prompt-malformed: over PROMPT_MAX");
	ok(strcmp(prompt_name(PROMPT_SELECT_ACCOUNT), "select_account") == 0 &&
	    prompt_name(PROMPT__MAX) == NULL, "prompt-name");
	max_age_is("0", 0, 0);
	max_age_is("3600", 0, 3600);
	max_age_is("315360000", 0, MAX_AGE_MAX);
	max_age_is("315360001", -1, 0);
	max_age_is("999999999999999999999", -1, 0);
	max_age_is("-1", -1, 0);
	max_age_is("+5", -1, 0);
	max_age_is(" 5", -1, 0);
	max_age_is("5s", -1, 0);
	max_age_is("", -1, 0);
	return done_testing();
}
