/*
 * libFuzzer target for lib/parse/bearer_header.c: any bytes as an Authorization
 * header.  Aborts when an OK result breaks the contract (token inside the
 * header, within maxlen, only b64token characters).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/bearer_header.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*h = malloc(size + 1);
	const char	*tok;
	size_t		 len;

	if (h == NULL)
		return 0;
	memcpy(h, data, size);
	h[size] = '\0';
	if (bearer_header_parse(h, 128, &tok, &len) == BEARER_HEADER_OK &&
	    (len == 0 || len > 128 || tok < h || tok + len > h + size ||
	    strspn(tok, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-._~+/=") != len))
		abort();
	free(h);
	return 0;
}
