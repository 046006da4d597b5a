/*
 * RFC 8252 §7.3, §8.3; RFC 9700 §4.1.3; RFC 6749 §3.1.2.3: which asked
 * redirect URI a registered one stands for (lib/parse/redirect_uri.c).
 */
#include <string.h>

#include "parse/redirect_uri.h"
#include "tap.h"

static int
m(const char *reg, const char *asked)
{
	return redirect_uri_matches(reg, strlen(reg), asked, strlen(asked));
}

static void
test_exact(void)
{
	ok(m("https://app.example/cb", "https://app.example/cb") &&
	    m("com.example.app:/cb", "com.example.app:/cb"),
	    "redirect-uri-exact: the same bytes match");
	ok(!m("https://app.example/cb", "https://app.example/cb/") &&
	    !m("https://app.example/cb", "HTTPS://app.example/cb") &&
	    !m("https://app.example/cb", "https://app.example:443/cb") &&
	    !m("https://app.example/cb", "https://app.example:8443/cb"),
	    "redirect-uri-exact: no normalization, a port is another URI "
	    "off loopback");
	ok(redirect_uri_matches("https://a/cb https://b/cb", 12,
	    "https://a/cb", 12) &&
	    !redirect_uri_matches("https://a/cb https://b/cb", 12,
	    "https://a/cb https://b/cb", 25),
	    "redirect-uri-exact: reg is the given length, not its string");
}

static void
test_loopback(void)
{
	ok(m("http://127.0.0.1/cb", "http://127.0.0.1:49152/cb") &&
	    m("http://127.0.0.1:8080/cb", "http://127.0.0.1:49152/cb") &&
	    m("http://127.0.0.1:8080/cb", "http://127.0.0.1/cb") &&
	    m("http://127.0.0.1/cb?x=1", "http://127.0.0.1:1/cb?x=1") &&
	    m("http://127.0.0.1", "http://127.0.0.1:65535") &&
	    m("http://127.0.0.1?a", "http://127.0.0.1:5?a"),
	    "redirect-loopback-any-port: http://127.0.0.1, any port or none");
	ok(m("http://[::1]/cb", "http://[::1]:49152/cb") &&
	    m("http://[::1]:8080/cb", "http://[::1]:1234/cb"),
	    "redirect-loopback-any-port-ipv6: http://[::1], any port");
	ok(!m("http://127.0.0.1/cb", "http://127.0.0.1:49152/other") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1:49152/cb/") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1:49152/CB") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.2:49152/cb") &&
	    !m("http://127.0.0.1/cb", "http://[::1]:49152/cb") &&
	    !m("http://[::1]/cb", "http://127.0.0.1:49152/cb") &&
	    !m("http://127.0.0.1/cb", "https://127.0.0.1:49152/cb") &&
	    !m("https://127.0.0.1/cb", "https://127.0.0.1:49152/cb") &&
	    !m("http://127.0.0.1/cb", "HTTP://127.0.0.1:49152/cb"),
	    "redirect-loopback-bound: path, host and scheme stay");
	ok(!m("http://127.0.0.1/cb?x=1", "http://127.0.0.1:5/cb?x=2") &&
	    !m("http://127.0.0.1/cb?x=1", "http://127.0.0.1:5/cb") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1:5/cb?x=1") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1:5/cb#x"),
	    "redirect-loopback-only-port: the query stays, no fragment");
	ok(!m("http://127.0.0.1/cb", "http://127.0.0.1:80@evil.example/cb") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1@evil.example/cb") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1.evil.example/cb") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.10/cb") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1:5x/cb"),
	    "redirect-loopback-only-port: no userinfo, no other host");
	ok(!m("http://127.0.0.1/cb", "http://127.0.0.1:/cb") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1:0/cb") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1:080/cb") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1:65536/cb") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1:100000/cb") &&
	    !m("http://127.0.0.1/cb", "http://127.0.0.1:+80/cb"),
	    "redirect-loopback-only-port: a port is 1-65535, plain decimal");
	ok(!m("http://localhost/cb", "http://localhost:49152/cb") &&
	    !m("http://localhost:8080/cb", "http://localhost:49152/cb") &&
	    m("http://localhost:8080/cb", "http://localhost:8080/cb"),
	    "redirect-localhost-exact: localhost is not loopback here "
	    "(RFC 8252 §8.3)");
}

static void
test_bounds(void)
{
	char	reg[REDIRECT_URI_MAX + 2], asked[REDIRECT_URI_MAX + 8];
	size_t	n;

	memcpy(reg, "http://127.0.0.1/", 17);
	memcpy(asked, "http://127.0.0.1:1/", 19);
	for (n = 17; n < REDIRECT_URI_MAX; n++)
		reg[n] = asked[n + 2] = 'x';
	ok(redirect_uri_matches(reg, REDIRECT_URI_MAX, asked,
	    REDIRECT_URI_MAX + 2) == 0,
	    "redirect-uri-bounds: an asked URI over REDIRECT_URI_MAX refused");
	ok(redirect_uri_matches(reg, REDIRECT_URI_MAX - 2, asked,
	    REDIRECT_URI_MAX) == 1,
	    "redirect-uri-bounds: at REDIRECT_URI_MAX compared");
	ok(redirect_uri_matches(reg, REDIRECT_URI_MAX + 1, reg,
	    REDIRECT_URI_MAX + 1) == 0,
	    "redirect-uri-bounds: even the same bytes, over the bound");
}

int
main(void)
{
	test_exact();
	test_loopback();
	test_bounds();
	return done_testing();
}
