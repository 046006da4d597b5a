/* RFC 6750 §2.1 Authorization: Bearer; see bearer_header.h. */
#include <string.h>
#include <strings.h>

#include "parse/bearer_header.h"

/* b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
static int
b64token_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~' || c == '+' || c == '/';
}

enum bearer_header
bearer_header_parse(const char *header, size_t maxlen, const char **token,
    size_t *len)
{
	const char	*p;
	size_t		 n = 0;

	*token = NULL;
	*len = 0;
	/* The scheme is case-insensitive (RFC 9110 §11.1). */
	if (header == NULL || strncasecmp(header, "Bearer", 6) != 0 ||
	    (header[6] != ' ' && header[6] != '\0'))
		return BEARER_HEADER_NONE;
	p = header + 6;
	while (*p == ' ')
		p++;
	while (b64token_char((unsigned char)p[n]))
		n++;
	while (p[n] == '=')
		n++;
	if (n == 0 || n > maxlen || p[n] != '\0')
		return BEARER_HEADER_MALFORMED;
	*token = p;
	*len = n;
	return BEARER_HEADER_OK;
}
