/*
 * RFC 6749 §4.1.2, §3.1.2; RFC 8252 §7.1: a redirect is the registered URI
 * byte for byte plus the query (lib/http/redirect.c), and what may be
 * registered (lib/parse/redirect_uri.c).
 */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "http/redirect.h"
#include "parse/redirect_uri.h"
#include "tap.h"

/* 1 when redirect_url(base, pairs) is exactly want (NULL: refused). */
static int
url_is(const char *base, const char *const *pairs, const char *want)
{
	struct arena	*a = arena_new();
	char		*got = redirect_url(a, base, pairs);
	int		 same;

	if (got == NULL || want == NULL)
		same = got == NULL && want == NULL;
	else
		same = strcmp(got, want) == 0;
	arena_release(a);
	return same;
}

static void
test_url(void)
{
	const char *const	code[] = { "code", "c1", "state", NULL,
				    "iss", "https://as.example", NULL };
	const char *const	err[] = { "error", "access_denied",
				    "error_description", "the user denied",
				    "state", "a b+c&d=e/é", NULL };
	const char *const	none[] = { NULL };

	ok(url_is("com.example.app:/oauth2redirect", code,
	    "com.example.app:/oauth2redirect?code=c1"
	    "&iss=https%3A%2F%2Fas.example"),
	    "redirect-url: com.example.app:/oauth2redirect stays "
	    "so (RFC 8252 §7.1)");
	ok(url_is("myapp://callback", code,
	    "myapp://callback?code=c1&iss=https%3A%2F%2Fas.example"),
	    "redirect-url: myapp://callback gets no '/'");
	ok(url_is("https://a/cb?x=1", code,
	    "https://a/cb?x=1&code=c1&iss=https%3A%2F%2Fas.example"),
	    "redirect-url: an existing query is kept, appended to "
	    "with '&' (RFC 6749 §3.1.2)");
	ok(url_is("HTTPS://A.Example:443/Cb/%7Euser/../x?Y=%2f", code,
	    "HTTPS://A.Example:443/Cb/%7Euser/../x?Y=%2f&code=c1"
	    "&iss=https%3A%2F%2Fas.example"),
	    "redirect-url: case, port, escapes and dot segments "
	    "untouched");
	ok(url_is("https://a/cb?", code,
	    "https://a/cb?code=c1&iss=https%3A%2F%2Fas.example") &&
	    url_is("https://a/cb?x=1&", code,
	    "https://a/cb?x=1&code=c1&iss=https%3A%2F%2Fas.example"),
	    "redirect-url: a query ending in '?' or '&' gets no "
	    "second separator");
	ok(url_is("https://a/cb", err,
	    "https://a/cb?error=access_denied"
	    "&error_description=the%20user%20denied"
	    "&state=a%20b%2Bc%26d%3De%2F%C3%A9"),
	    "redirect-url: values percent-encoded, unreserved "
	    "kept (RFC 3986 §2.3)");
	ok(url_is("https://a/cb", none, "https://a/cb"),
	    "redirect-url: no pairs, the URI alone");
	ok(url_is("https://a/cb#frag", code, NULL) &&
	    url_is("/cb", code, NULL) && url_is("https://a/c b", code, NULL),
	    "redirect-url: never to an invalid URI");
}

static void
test_valid(void)
{
	char	big[REDIRECT_URI_MAX + 2];
	size_t	n;

	ok(redirect_uri_valid("https://app.example/cb") &&
	    redirect_uri_valid("http://127.0.0.1:8080/cb?x=1") &&
	    redirect_uri_valid("http://[::1]/cb") &&
	    redirect_uri_valid("com.example.app:/oauth2redirect") &&
	    redirect_uri_valid("myapp://callback") &&
	    redirect_uri_valid("https://a/cb?q=%2F"),
	    "redirect-uri-valid: http(s) and private-use schemes pass");
	ok(!redirect_uri_valid("https://a/cb#x") &&
	    !redirect_uri_valid("https://a/cb#") &&
	    !redirect_uri_valid("myapp://cb#x"),
	    "redirect-uri-valid: a fragment is refused "
	    "(RFC 6749 §3.1.2)");
	ok(!redirect_uri_valid("/cb") && !redirect_uri_valid("cb") &&
	    !redirect_uri_valid("//a/cb") && !redirect_uri_valid("") &&
	    !redirect_uri_valid("1app:/cb") && !redirect_uri_valid("myapp:"),
	    "redirect-uri-valid: a relative URI is refused");
	ok(!redirect_uri_valid("https:/cb") &&
	    !redirect_uri_valid("https:cb") &&
	    !redirect_uri_valid("https:///cb") &&
	    !redirect_uri_valid("http://:80/cb") &&
	    !redirect_uri_valid("http://?x"),
	    "redirect-uri-valid: http(s) needs a host");
	ok(!redirect_uri_valid("https://u@a/cb") &&
	    !redirect_uri_valid("https://u:p@a/cb") &&
	    redirect_uri_valid("https://a/cb?m=u@a") &&
	    redirect_uri_valid("https://a/u@b"),
	    "redirect-uri-valid: no userinfo (RFC 3986 §7.6), '@' elsewhere "
	    "ok");
	ok(!redirect_uri_valid("https://a/c b") &&
	    !redirect_uri_valid("https://a/cb\r\nX: y") &&
	    !redirect_uri_valid("https://a/\x7f") &&
	    !redirect_uri_valid("https://a/\xc3\xa9") &&
	    !redirect_uri_valid("https://a/<x>") &&
	    !redirect_uri_valid("https://a/%zz") &&
	    !redirect_uri_valid("https://a/%4"),
	    "redirect-uri-valid: RFC 3986 characters and escapes only");
	ok(!redirect_uri_valid("javascript:alert(1)") &&
	    !redirect_uri_valid("JavaScript:alert(1)") &&
	    !redirect_uri_valid("data:text/html,x") &&
	    !redirect_uri_valid("vbscript:x"),
	    "redirect-uri-valid: no script scheme");
	memcpy(big, "https://a/", 10);
	for (n = 10; n < REDIRECT_URI_MAX; n++)
		big[n] = 'x';
	big[n] = '\0';
	ok(redirect_uri_valid(big), "redirect-uri-valid: REDIRECT_URI_MAX ok");
	big[n] = 'x';
	big[n + 1] = '\0';
	ok(!redirect_uri_valid(big), "redirect-uri-valid: one more refused");
}

int
main(void)
{
	test_url();
	test_valid();
	return done_testing();
}
