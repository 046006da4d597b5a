/* Scope sets: parsing (RFC 6749 §3.3) and the narrowing rule. */
#include <stdlib.h>
#include <string.h>

#include "parse/scope.h"
#include "tap.h"

static char *
narrow(const char *req, const char *client, const char *user,
    char out[SCOPE_MAX_TEXT])
{
	struct scope_set	r, c, u, got;

	scope_parse(req, &r);
	scope_parse(client, &c);
	scope_parse(user, &u);
	scope_narrow(&r, &c, &u, &got);
	return scope_join(&got, out);
}

static int
narrow_is(const char *req, const char *client, const char *user,
    const char *want)
{
	char	 buf[SCOPE_MAX_TEXT];
	char	*got = narrow(req, client, user, buf);
	int	 same = strcmp(got, want) == 0;

	if (!same)
		printf("# got \"%s\", want \"%s\"\n", got, want);
	return same;
}

/* RFC 6749 §6: the refresh request within the original grant. */
static int
within(const char *req, const char *granted)
{
	struct scope_set	r, g;
	int			yes;

	scope_parse(req, &r);
	scope_parse(granted, &g);
	yes = scope_within(&r, &g);
	return yes;
}

int
main(void)
{
	struct scope_set	s;
	struct scope_set	t;
	char			big[4096], j[SCOPE_MAX_TEXT];
	int			i;

	ok(scope_parse("read write", &s) == 0 && s.n == 2, "parse two");
	ok(strcmp(scope_join(&s, j), "read write") == 0, "join keeps order");
	t = s;
	s.items[0][0] = 'X';
	ok(strcmp(scope_join(&t, j), "read write") == 0,
	    "a set is a value: a copy does not share its names");
	ok(scope_parse("  a   b  a ", &s) == 0 && s.n == 2,
	    "extra spaces ignored, duplicates collapsed");
	ok(scope_parse("", &s) == 0 && s.n == 0, "empty is no scopes");
	ok(scope_parse("a\"b", &s) == -1, "DQUOTE rejected (§3.3)");
	ok(scope_parse("a\\b", &s) == -1, "backslash rejected (§3.3)");
	ok(scope_parse("a\tb", &s) == -1, "tab rejected");
	ok(scope_parse("caf\xc3\xa9", &s) == -1, "non-ASCII rejected");
	ok(scope_parse("read:user place-orders", &s) == 0 && s.n == 2,
	    "colon and dash allowed");
	memset(big, 'a', 65);
	big[65] = '\0';
	ok(scope_parse(big, &s) == -1, "name over SCOPE_MAX_NAME rejected");
	big[0] = '\0';
	for (i = 0; i < SCOPE_MAX_ITEMS; i++)
		snprintf(big + strlen(big), sizeof(big) - strlen(big),
		    "s%d ", i);
	ok(scope_parse(big, &s) == 0 && s.n == SCOPE_MAX_ITEMS,
	    "SCOPE_MAX_ITEMS names accepted");
	strncat(big, "one-more", sizeof(big) - strlen(big) - 1);
	ok(scope_parse(big, &s) == -1 && s.n == 0,
	    "one name over the limit rejected, the set left empty");

	scope_parse("a *", &s);
	ok(scope_allows(&s, "zzz") && !scope_has(&s, "zzz"),
	    "* allows every scope but lists none");

	ok(narrow_is("a b", "*", "a", "a"),
	    "user not holding b: b dropped");
	ok(narrow_is("a b", "a", "*", "a"),
	    "client not allowed b: b dropped");
	ok(narrow_is("a b c", "a b", "b c", "b"), "three-way intersection");
	ok(narrow_is("*", "*", "*", "*"), "* for a * client and user");
	ok(narrow_is("*", "*", "a b", "a b"),
	    "* expands to what the user holds");
	ok(narrow_is("*", "a b", "b c", "b"),
	    "* expands to the shared scopes");
	ok(narrow_is("", "*", "*", ""), "nothing asked, nothing granted");

	ok(within("a", "a b") && within("a b", "b a"), "within: a subset");
	ok(!within("a c", "a b"), "within: a name beyond the grant");
	ok(within("", ""), "within: nothing asked of an empty grant");
	ok(!within("a", "") && !within("*", ""),
	    "within: an empty grant holds no name, nor *");
	ok(within("a *", "*"), "within: * covers names and *");
	ok(!within("*", "a b"), "within: * is not within named scopes");
	return done_testing();
}
