/*
 * Unit tests for token_answer_parse() (lib/client/token_client.c): the
 * callback reads the token endpoint's answer (RFC 6749 §5.1, §5.2) only
 * when it is exactly one JSON object, bounded in size and depth, and
 * takes a member only when it is a string, number or boolean.
 */
#include <stdlib.h>
#include <string.h>

#include "client/token_client.h"
#include "tap.h"

/* '{"a":' then k arrays nested, closed: an object k + 1 levels deep. */
static char *
nested(size_t k)
{
	char	*s = malloc(2 * k + 7);

	memcpy(s, "{\"a\":", 5);
	memset(s + 5, '[', k);
	memset(s + 5 + k, ']', k);
	memcpy(s + 5 + 2 * k, "}", 2);
	return s;
}

/* 1 when token_answer_parse(s) fails with every member NULL. */
static int
refused(const char *s, size_t len)
{
	struct token_answer	a;
	int			rc;

	rc = token_answer_parse(s, len, &a);
	rc = rc == -1 && a.json == NULL && a.access_token == NULL &&
	    a.error == NULL;
	token_answer_free(&a);
	return rc;
}

static void
test_members(void)
{
	static const char	ok_json[] = " \r\n{\"access_token\":\"a/b\","
				    "\"token_type\":\"Bearer\",\"expires_in\":"
				    "3600,\"refresh_token\":\"r\",\"scope\":"
				    "\"x y\",\"extra\":[1]}\t\n";
	static const char	odd[] = "{\"access_token\":{\"a\":1},"
				    "\"error\":true,\"error_description\":null,"
				    "\"scope\":[\"x\"]}";
	struct token_answer	a;

	ok(token_answer_parse(ok_json, strlen(ok_json), &a) == 0 &&
	    !strcmp(a.access_token, "a/b") && !strcmp(a.token_type, "Bearer") &&
	    !strcmp(a.expires_in, "3600") && !strcmp(a.refresh_token, "r") &&
	    !strcmp(a.scope, "x y") && a.error == NULL &&
	    a.error_description == NULL,
	    "token-answer-members: strings and numbers as their text, "
	    "whitespace around the object allowed");
	ok(a.json != NULL && strstr(a.json, "\"a/b\"") != NULL &&
	    strstr(a.json, "\"extra\":[1]") != NULL,
	    "token-answer-json: the whole object again, slashes unescaped");
	token_answer_free(&a);
	ok(a.json == NULL && a.access_token == NULL,
	    "token-answer-free: every member released");
	ok(token_answer_parse(odd, strlen(odd), &a) == 0 &&
	    a.access_token == NULL && !strcmp(a.error, "true") &&
	    a.error_description == NULL && a.scope == NULL,
	    "token-answer-types: an object, array or null member is absent, "
	    "a boolean its text");
	token_answer_free(&a);
}

int
main(void)
{
	char	*deep, *big;
	size_t	 i;

	test_members();
	ok(refused("", 0) && refused(NULL, 0) && refused("   ", 3),
	    "token-answer-empty: nothing is no answer");
	ok(refused("[{\"access_token\":\"a\"}]", 23) &&
	    refused("\"access_token\"", 14) && refused("42", 2),
	    "token-answer-not-object: an array, string or number is refused");
	ok(refused("{\"access_token\":\"a\"} x", 22) &&
	    refused("{\"access_token\":\"a\"}{}", 22),
	    "token-answer-trailing: anything after the object is refused");
	ok(refused("{\"access_token\":\"a\"", 19) &&
	    refused("{\"access_token\":\"a\0\"}", 21),
	    "token-answer-truncated: a cut object or an embedded NUL is "
	    "refused");
	deep = nested(15);
	ok(!refused(deep, strlen(deep)), "token-answer-depth: 16 levels are "
	    "read");
	free(deep);
	deep = nested(16);
	ok(refused(deep, strlen(deep)), "token-answer-depth: 17 levels are "
	    "refused");
	free(deep);
	big = malloc(TOKEN_MAX_RESPONSE + 2);
	big[0] = '{';
	for (i = 1; i < TOKEN_MAX_RESPONSE; i++)
		big[i] = ' ';
	big[TOKEN_MAX_RESPONSE] = '}';
	big[TOKEN_MAX_RESPONSE + 1] = '\0';
	ok(refused(big, TOKEN_MAX_RESPONSE + 1), "token-answer-size: over "
	    "%d bytes is refused", TOKEN_MAX_RESPONSE);
	free(big);
	return done_testing();
}
