/*
 * Compact JWS (RFC 7515 §7.1) of a JWT (RFC 7519):
 * base64url(header) "." base64url(claims) "." base64url(signature).
 */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "b64.h"
#include "jwt.h"
#include "keys.h"
#include "xalloc.h"

static int
addstr(struct json_object *o, const char *name, const char *val)
{
	struct json_object	*v;

	if ((v = json_object_new_string(val)) == NULL)
		return -1;
	if (json_object_object_add(o, name, v) != 0) {
		json_object_put(v);
		return -1;
	}
	return 0;
}

/* RFC 7515 §4.1: {"alg":…,"typ":…,"kid":…}; no typ when it is NULL. */
static char *
header_b64(const struct key *k, const char *typ)
{
	struct json_object	*o;
	const char		*s, *alg;
	char			*h = NULL;
	int			 r;

	if ((alg = key_alg(key_get_type(k))) == NULL ||
	    (o = json_object_new_object()) == NULL)
		return NULL;
	r = addstr(o, "alg", alg);
	if (typ != NULL)
		r |= addstr(o, "typ", typ);
	r |= addstr(o, "kid", key_kid(k));
	if (r == 0 && (s = json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)) != NULL)
		h = b64url_encode((const unsigned char *)s, strlen(s));
	json_object_put(o);
	return h;
}

/*
 * claims_json is signed byte for byte as the caller built it; it is not
 * parsed again here.
 */
char *
jwt_sign(const struct key *k, const char *typ, const char *claims_json)
{
	char		*h = NULL, *c = NULL, *input = NULL, *s = NULL;
	char		*jwt = NULL;
	unsigned char	*sig = NULL;
	size_t		 siglen;

	if (k == NULL || claims_json == NULL)
		return NULL;
	if ((h = header_b64(k, typ)) == NULL ||
	    (c = b64url_encode((const unsigned char *)claims_json,
	    strlen(claims_json))) == NULL)
		goto fail;
	/* RFC 7515 §5.1: sign BASE64URL(header) "." BASE64URL(payload). */
	input = xasprintf("%s.%s", h, c);
	if ((sig = key_sign(k, input, strlen(input), &siglen)) == NULL ||
	    (s = b64url_encode(sig, siglen)) == NULL)
		goto fail;
	jwt = xasprintf("%s.%s", input, s);
 fail:
	free(h);
	free(c);
	free(input);
	free(sig);
	free(s);
	return jwt;
}
