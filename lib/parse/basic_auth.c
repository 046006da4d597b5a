/*
 * HTTP Basic client credentials, RFC 6749 §2.3.1 and RFC 7617; see
 * basic_auth.h.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "parse/b64.h"
#include "parse/basic_auth.h"
#include "parse/form.h"

enum basic_status
basic_auth_parse(struct arena *a, const char *header, char **id,
    char **secret)
{
	unsigned char	*raw = NULL;
	const char	*tok, *colon;
	size_t		 hlen, rawlen = 0, idlen;

	*id = *secret = NULL;
	/* RFC 7235 §2.1: the scheme is case-insensitive, then 1*SP. */
	if (header == NULL || strncasecmp(header, "Basic", 5) != 0 ||
	    (header[5] != ' ' && header[5] != '\0'))
		return BASIC_NONE;
	if ((hlen = strnlen(header, BASIC_MAX_HEADER + 1)) > BASIC_MAX_HEADER)
		return BASIC_MALFORMED;
	for (tok = header + 5; *tok == ' '; tok++)
		;
	/* RFC 4648 §4, strictly: padding, no whitespace, no junk. */
	if (*tok == '\0' ||
	    (raw = b64_decode(tok, hlen - (tok - header), &rawlen)) == NULL)
		goto fail;
	/* RFC 7617 §2: the user-id ends at the first ':'; no NUL anywhere. */
	if (memchr(raw, '\0', rawlen) != NULL ||
	    (colon = memchr(raw, ':', rawlen)) == NULL)
		goto fail;
	idlen = colon - (const char *)raw;
	/* RFC 6749 §2.3.1: both halves are form-urlencoded first. */
	if ((*id = form_decode(a, (const char *)raw, idlen, BASIC_MAX_ID,
	    NULL)) == NULL || **id == '\0')
		goto fail;
	if ((*secret = form_decode(a, colon + 1, rawlen - idlen - 1,
	    BASIC_MAX_SECRET, NULL)) == NULL)
		goto fail;
	explicit_bzero(raw, rawlen);
	free(raw);
	return BASIC_OK;

fail:
	if (raw != NULL)
		explicit_bzero(raw, rawlen);
	free(raw);
	*id = NULL;
	return BASIC_MALFORMED;
}
