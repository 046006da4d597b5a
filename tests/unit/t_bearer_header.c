/* RFC 6750 §2.1 Authorization: Bearer parsing. */
#include <string.h>

#include "parse/bearer_header.h"
#include "tap.h"

static int
parses(const char *h, const char *want)
{
	const char	*tok;
	size_t		 len;

	return bearer_header_parse(h, 64, &tok, &len) == BEARER_HEADER_OK &&
	    len == strlen(want) && memcmp(tok, want, len) == 0;
}

static int
status(const char *h)
{
	const char	*tok;
	size_t		 len;

	return bearer_header_parse(h, 64, &tok, &len);
}

int
main(void)
{
	char	long_tok[80];

	ok(parses("Bearer abc.def-ghi_jkl~mno+p/q==", "abc.def-ghi_jkl~mno+p/q=="),
	    "b64token with every allowed character");
	ok(parses("bearer abc", "abc"), "scheme is case-insensitive");
	ok(parses("Bearer    abc", "abc"), "several spaces before the token");
	ok(status(NULL) == BEARER_HEADER_NONE, "no header: none");
	ok(status("Basic YTpi") == BEARER_HEADER_NONE, "Basic: none");
	ok(status("BearerX abc") == BEARER_HEADER_NONE, "BearerX: none");
	ok(status("Bearer") == BEARER_HEADER_MALFORMED, "no token: malformed");
	ok(status("Bearer ") == BEARER_HEADER_MALFORMED, "empty token: malformed");
	ok(status("Bearer a b") == BEARER_HEADER_MALFORMED, "two tokens: malformed");
	ok(status("Bearer abc ") == BEARER_HEADER_MALFORMED, "trailing space: malformed");
	ok(status("Bearer a=b") == BEARER_HEADER_MALFORMED, "= inside: malformed");
	ok(status("Bearer a\"b") == BEARER_HEADER_MALFORMED, "quote: malformed");
	ok(status("Bearer a\r\nX: y") == BEARER_HEADER_MALFORMED, "CRLF: malformed");
	memset(long_tok, 'a', sizeof(long_tok));
	memcpy(long_tok, "Bearer ", 7);
	long_tok[7 + 65] = '\0';
	ok(status(long_tok) == BEARER_HEADER_MALFORMED, "over maxlen: malformed");
	long_tok[7 + 64] = '\0';
	ok(status(long_tok) == BEARER_HEADER_OK, "exactly maxlen: ok");
	return done_testing();
}
