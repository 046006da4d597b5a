/* RFC 6265 §4.2.1 Cookie header parsing (lib/parse/cookie.c). */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "parse/cookie.h"
#include "tap.h"

#define NAME	"cpassport_callback"

/* 1 when cookie_get(h, NAME, max) gives exactly want (NULL: refused). */
static int
gets(const char *h, size_t max, const char *want)
{
	struct arena	*a = arena_new();
	char		*got = cookie_get(a, h, NAME, max);
	int		 same;

	if (got == NULL || want == NULL)
		same = got == NULL && want == NULL;
	else
		same = strcmp(got, want) == 0;
	arena_release(a);
	return same;
}

int
main(void)
{
	char	big[COOKIE_MAX_HEADER + 64];
	size_t	n;

	ok(gets(NAME "=abc.def", 200, "abc.def"), "cookie-alone");
	ok(gets("a=1; " NAME "=s-_1.v~2; b=2", 200, "s-_1.v~2"),
	    "cookie-among-others");
	ok(gets("a=1;" NAME "=x;b=2", 200, "x"), "cookie-no-space-after-semicolon");
	ok(gets(NULL, 200, NULL), "cookie-null-header");
	ok(gets("", 200, NULL), "cookie-empty-header");
	ok(gets("a=1; b=2", 200, NULL), "cookie-absent");
	ok(gets(NAME "=a; " NAME "=b", 200, NULL), "cookie-duplicate-refused");
	ok(gets(NAME "=a; " NAME "=a", 200, NULL),
	    "cookie-duplicate-same-value-refused");
	ok(gets(NAME "=\"quoted\"", 200, "quoted"), "cookie-dquote-unwrapped");
	ok(gets(NAME "=\"\"", 200, ""), "cookie-dquote-empty");
	ok(gets(NAME "=\"half", 200, NULL), "cookie-lone-dquote-refused");
	ok(gets(NAME "=a\"b", 200, NULL), "cookie-inner-dquote-refused");
	ok(gets(NAME "=a,b", 200, NULL), "cookie-comma-refused");
	ok(gets(NAME "=a b", 200, NULL), "cookie-inner-space-refused");
	ok(gets(NAME "=a\\b", 200, NULL), "cookie-backslash-refused");
	ok(gets(NAME "=a\x80" "b", 200, NULL), "cookie-non-ascii-refused");
	ok(gets(NAME "=a\tb", 200, NULL), "cookie-tab-refused");
	ok(gets(NAME "=ab\r\nX: y", 200, NULL), "cookie-crlf-refused");
	ok(gets("a=\x01; " NAME "=x", 200, NULL), "cookie-ctl-elsewhere-refused");
	ok(gets(NAME "=", 200, ""), "cookie-empty-value");
	ok(gets(NAME "=abcd", 4, "abcd"), "cookie-exactly-max");
	ok(gets(NAME "=abcde", 4, NULL), "cookie-over-max-refused");
	ok(gets(NAME "=\"abcd\"", 4, "abcd"), "cookie-quoted-max-counts-bare");
	ok(gets("x" NAME "=evil", 200, NULL), "cookie-prefix-name-not-matched");
	ok(gets(NAME "x=evil", 200, NULL), "cookie-suffix-name-not-matched");
	ok(gets("CPASSPORT_CALLBACK=evil", 200, NULL),
	    "cookie-name-case-sensitive");
	ok(gets("xcpassport_callback=evil; " NAME "=good", 200, "good"),
	    "cookie-prefix-name-beside-real-one");
	ok(gets("a=" NAME "=evil", 200, NULL), "cookie-name-inside-value-ignored");
	ok(gets("  " NAME " = x  ; a=1 ", 200, "x"), "cookie-spaces-trimmed");
	ok(gets(NAME "=x; ", 200, "x"), "cookie-trailing-semicolon");
	ok(gets("junk; " NAME "=x", 200, NULL), "cookie-pair-without-equals-refused");
	ok(gets(NAME "=x; junk", 200, NULL),
	    "cookie-pair-without-equals-after-refused");
	ok(gets("a=b c,d\"e\xc3\xa9; " NAME "=x", 200, "x"),
	    "cookie-other-values-not-judged");
	ok(gets(NAME "=a=b", 200, "a=b"), "cookie-value-with-equals");
	ok(cookie_get(NULL, NAME "=x", "", 200) == NULL,
	    "cookie-empty-name-refused");
	ok(cookie_get(NULL, NAME "=x", NULL, 200) == NULL,
	    "cookie-null-name-refused");

	/* A header over COOKIE_MAX_HEADER is not read at all. */
	memset(big, 'a', sizeof(big));
	memcpy(big, NAME "=x; z=", strlen(NAME "=x; z="));
	big[COOKIE_MAX_HEADER] = '\0';
	n = strlen(big);
	ok(n == COOKIE_MAX_HEADER && gets(big, 200, "x"),
	    "cookie-header-exactly-limit");
	big[COOKIE_MAX_HEADER] = 'a';
	big[COOKIE_MAX_HEADER + 1] = '\0';
	ok(gets(big, 200, NULL), "cookie-header-over-limit-refused");
	return done_testing();
}
