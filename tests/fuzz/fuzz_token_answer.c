/*
 * libFuzzer target for token_answer_parse (lib/client/token_client.c):
 * any bytes as the token endpoint's answer to the callback (RFC 6749
 * §5.1, §5.2).  Aborts when a result breaks token_client.h: refused,
 * every member is NULL; accepted, the input was at most
 * TOKEN_MAX_RESPONSE bytes, the JSON handed on has no raw control
 * character (RFC 8259 §7) and, parsed again, gives the same members.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "client/token_client.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
all_null(const struct token_answer *a)
{
	return a->json == NULL && a->access_token == NULL &&
	    a->token_type == NULL && a->expires_in == NULL &&
	    a->refresh_token == NULL && a->scope == NULL &&
	    a->error == NULL && a->error_description == NULL;
}

static int
same(const char *x, const char *y)
{
	return x == NULL ? y == NULL : y != NULL && strcmp(x, y) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct token_answer	 a, b;
	const char		*p;

	if (token_answer_parse((const char *)data, size, &a) == -1) {
		if (!all_null(&a))
			abort();
		token_answer_free(&a);
		return 0;
	}
	if (size > TOKEN_MAX_RESPONSE || a.json == NULL)
		abort();
	for (p = a.json; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20)
			abort();
	if (token_answer_parse(a.json, strlen(a.json), &b) == -1 ||
	    !same(a.access_token, b.access_token) ||
	    !same(a.token_type, b.token_type) ||
	    !same(a.refresh_token, b.refresh_token) ||
	    !same(a.scope, b.scope) || !same(a.error, b.error) ||
	    !same(a.error_description, b.error_description))
		abort();
	token_answer_free(&b);
	token_answer_free(&a);
	return 0;
}
