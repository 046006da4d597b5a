/* Unit tests for lib/parse/form.c. */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "parse/form.h"
#include "tap.h"
#include "base/xalloc.h"

static const struct form_param params[] = {
	{ "grant_type", 32 },
	{ "username", 8 },
	{ "password", 64 },
	{ "scope", 64 },
};
#define NP	(sizeof(params) / sizeof(params[0]))

static struct arena	*A;	/* as a request's arena */

/* form_decode(in, len, max) yields exactly want (NULL: rejected). */
static int
dec(const char *in, size_t len, size_t max, const char *want)
{
	char	*s;
	size_t	 n = (size_t)-1;
	int	 r;

	s = form_decode(A, in, len, max, &n);
	if (s == NULL || want == NULL)
		r = s == want;
	else
		r = n == strlen(want) && strcmp(s, want) == 0;
	return r;
}

/* Parse a NUL-terminated body against params[]. */
static enum form_status
parse(const char *body, struct form_value *v, int *bad)
{
	return form_parse(A, body, strlen(body), params, NP, v, bad);
}

static int
all_null(const struct form_value *v)
{
	size_t	i;

	for (i = 0; i < NP; i++)
		if (v[i].s != NULL)
			return 0;
	return 1;
}

/* Fill v with garbage, as a caller's uninitialised array would be. */
static void
dirty(struct form_value *v)
{
	memset(v, 0xa5, sizeof(*v) * NP);
}

static char *
repeat(const char *unit, size_t times, const char *tail)
{
	size_t	 ul = strlen(unit), tl = strlen(tail), i;
	char	*s = xmalloc(ul * times + tl + 1);

	for (i = 0; i < times; i++)
		memcpy(s + i * ul, unit, ul);
	memcpy(s + ul * times, tail, tl + 1);
	return s;
}

static void
test_decode(void)
{
	char	*s;

	ok(dec("%41", 3, 10, "A"), "form: percent-decoding %%41 -> A");
	ok(dec("%6a%6A", 6, 10, "jj"), "form: lower and upper hex digits");
	ok(dec("a+b", 3, 10, "a b"), "form: '+' -> space");
	ok(dec("a%2Bb", 5, 10, "a+b"), "form: %%2B -> '+'");
	ok(dec("%2b%20", 6, 10, "+ "), "form: %%2b and %%20");
	ok(dec("", 0, 10, ""), "form: empty component -> \"\"");
	ok(dec("%C3%A9", 6, 10, "\xc3\xa9"), "form: UTF-8 bytes pass through");
	ok(dec("%", 1, 10, NULL), "form: lone '%%' rejected");
	ok(dec("%4", 2, 10, NULL), "form: truncated %%4 rejected");
	ok(dec("ab%4", 4, 10, NULL), "form: truncated escape at end rejected");
	ok(dec("%41", 2, 10, NULL), "form: escape cut by len rejected");
	ok(dec("%zz", 3, 10, NULL), "form: invalid hex %%zz rejected");
	ok(dec("%4g", 3, 10, NULL), "form: invalid hex %%4g rejected");
	ok(dec("%%41", 4, 10, NULL), "form: %%%% rejected");
	ok(dec("a%00b", 5, 10, NULL), "form: %%00 rejected");
	ok(dec("a\0b", 3, 10, NULL), "form: raw NUL byte rejected");
	ok(dec("%0D", 3, 10, NULL) && dec("%0d", 3, 10, NULL),
	    "form: %%0D / %%0d rejected");
	ok(dec("%0A", 3, 10, NULL) && dec("%0a", 3, 10, NULL),
	    "form: %%0A / %%0a rejected");
	ok(dec("a\rb", 3, 10, NULL) && dec("a\nb", 3, 10, NULL),
	    "form: raw CR / LF rejected");
	ok(dec("%09%1F%7F", 9, 10, "\t\x1f\x7f"),
	    "form: other control bytes are not this layer's business");
	ok(dec("abc", 3, 3, "abc"), "form: exactly max bytes ok");
	ok(dec("abcd", 4, 3, NULL), "form: max + 1 bytes rejected");
	ok(dec("%41%42%43", 9, 3, "ABC"), "form: max counts decoded bytes");
	s = form_decode(A, "abc", 3, 3, NULL);
	ok(s != NULL && strcmp(s, "abc") == 0, "form: outlen may be NULL");
}

static void
test_parse(void)
{
	struct form_value	 v[NP];
	char			*s;
	int			 bad;

	dirty(v);
	bad = 99;
	ok(parse("grant_type=password&username=bob&password=p%40ss+w",
	    v, &bad) == FORM_OK && bad == -1, "form: simple body parses");
	ok(v[0].s != NULL && strcmp(v[0].s, "password") == 0 &&
	    v[0].len == 8, "form: grant_type decoded");
	ok(v[2].s != NULL && strcmp(v[2].s, "p@ss w") == 0 && v[2].len == 6,
	    "form: password decoded");
	ok(v[3].s == NULL, "form: absent param is NULL");
	ok(parse("username=a&username=b", v, &bad) == FORM_DUPLICATE &&
	    all_null(v), "form: a failed parse NULLs what a good one left");

	/* RFC 6749 §3.1: sent without a value = omitted. */
	dirty(v);
	ok(parse("scope=&username", v, &bad) == FORM_OK && bad == -1 &&
	    all_null(v),
	    "form-empty-value-omitted: \"scope=\" and bare \"username\" "
	    "are absent");
	dirty(v);
	ok(parse("scope=&grant_type=x", v, NULL) == FORM_OK &&
	    v[3].s == NULL && v[3].len == 0 && strcmp(v[0].s, "x") == 0,
	    "form-empty-value-omitted: the others still parse");
	dirty(v);
	ok(parse("scope=%20", v, NULL) == FORM_OK && v[3].s != NULL &&
	    strcmp(v[3].s, " ") == 0,
	    "form-empty-value-omitted: a value empty only once decoded "
	    "is not");

	dirty(v);
	ok(parse("&&scope=a&&grant_type=b&", v, NULL) == FORM_OK &&
	    strcmp(v[3].s, "a") == 0 && strcmp(v[0].s, "b") == 0,
	    "form: empty segments skipped");

	dirty(v);
	ok(parse("", v, NULL) == FORM_OK && all_null(v),
	    "form: empty body ok, nothing present");
	ok(form_parse(A, NULL, 0, params, NP, v, NULL) == FORM_OK &&
	    all_null(v), "form: NULL, 0 body ok");

	dirty(v);
	ok(parse("foo=1&bar&grant_type=x&Scope=Y&foo=2", v, NULL) ==
	    FORM_OK && strcmp(v[0].s, "x") == 0 && v[3].s == NULL,
	    "form: unknown params ignored, names case-sensitive");
	dirty(v);
	ok(parse("grant%5Ftype=x", v, NULL) == FORM_OK && v[0].s != NULL &&
	    strcmp(v[0].s, "x") == 0, "form: names are percent-decoded");
	dirty(v);
	ok(parse("scope=a=b", v, NULL) == FORM_OK &&
	    strcmp(v[3].s, "a=b") == 0, "form: value split at first '='");

	dirty(v);
	ok(parse("grant_type=a&foo=%zz", v, &bad) == FORM_BAD_ENCODING &&
	    bad == -1 && all_null(v),
	    "form: bad encoding in unknown value rejected, values NULL");
	dirty(v);
	ok(parse("grant_type=a&f%0Ao=1", v, &bad) == FORM_BAD_ENCODING &&
	    bad == -1 && all_null(v), "form: bad encoding in a name rejected");
	dirty(v);
	ok(parse("grant_type=a&password=x%00", v, &bad) ==
	    FORM_BAD_ENCODING && bad == 2 && all_null(v),
	    "form: %%00 in declared value rejected, *bad = 2");

	dirty(v);
	ok(parse("username=bob&scope=a&username=eve", v, &bad) ==
	    FORM_DUPLICATE && bad == 1 && all_null(v),
	    "form: declared duplicate -> FORM_DUPLICATE, *bad = 1");
	dirty(v);
	ok(parse("scope&scope=", v, &bad) == FORM_DUPLICATE && bad == 3,
	    "form: duplicate empty values still duplicate");
	dirty(v);
	ok(parse("scope=&scope=x", v, &bad) == FORM_DUPLICATE && bad == 3 &&
	    all_null(v), "form: \"scope=&scope=x\" is a duplicate");
	dirty(v);
	ok(parse("scope=x&scope", v, &bad) == FORM_DUPLICATE && bad == 3 &&
	    all_null(v), "form: \"scope=x&scope\" is a duplicate");
	dirty(v);
	ok(parse("x=1&x=2&grant_type=g", v, &bad) == FORM_OK &&
	    strcmp(v[0].s, "g") == 0, "form: undeclared duplicates ignored");

	dirty(v);
	ok(parse("username=12345678", v, &bad) == FORM_OK &&
	    v[1].len == 8, "form: value exactly at max ok");
	dirty(v);
	ok(parse("grant_type=a&username=123456789", v, &bad) ==
	    FORM_TOO_LONG && bad == 1 && all_null(v),
	    "form: value over max -> FORM_TOO_LONG, *bad = 1, values NULL");
	dirty(v);
	ok(parse("username=%41%41%41%41%41%41%41%41", v, &bad) == FORM_OK &&
	    strcmp(v[1].s, "AAAAAAAA") == 0,
	    "form: max applies to decoded length");

	s = repeat("a", FORM_MAX_BODY, "");
	memcpy(s, "x=", 2);
	dirty(v);
	ok(parse(s, v, &bad) == FORM_OK && all_null(v),
	    "form: body of FORM_MAX_BODY bytes ok");
	free(s);
	s = repeat("a", FORM_MAX_BODY + 1, "");
	memcpy(s, "x=", 2);
	dirty(v);
	ok(parse(s, v, &bad) == FORM_TOO_LONG && bad == -1 && all_null(v),
	    "form: body over FORM_MAX_BODY -> FORM_TOO_LONG");
	free(s);

	s = repeat("x=1&", FORM_MAX_PAIRS - 1, "scope=s");
	dirty(v);
	ok(parse(s, v, &bad) == FORM_OK && strcmp(v[3].s, "s") == 0,
	    "form: 64 pairs ok");
	free(s);
	s = repeat("x=1&&", FORM_MAX_PAIRS, "scope=s");
	dirty(v);
	ok(parse(s, v, &bad) == FORM_TOO_MANY && bad == -1 && all_null(v),
	    "form: 65 pairs -> FORM_TOO_MANY");
	free(s);

	s = repeat("n", FORM_MAX_NAME, "=1");
	dirty(v);
	ok(parse(s, v, &bad) == FORM_OK, "form: name of FORM_MAX_NAME ok");
	free(s);
	s = repeat("n", FORM_MAX_NAME + 1, "=1");
	dirty(v);
	ok(parse(s, v, &bad) == FORM_BAD_ENCODING && bad == -1,
	    "form: name over FORM_MAX_NAME -> FORM_BAD_ENCODING");
	free(s);
}

int
main(void)
{
	A = arena_new();
	test_decode();
	test_parse();
	arena_release(A);
	return done_testing();
}
