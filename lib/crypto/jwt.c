/*
 * Compact JWS (RFC 7515 §7.1) of a JWT (RFC 7519):
 * base64url(header) "." base64url(claims) "." base64url(signature).
 * jwt_verify takes untrusted input: strict base64url, strict JSON of
 * bounded depth, the algorithm fixed by the key (RFC 8725 §3.1).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <openssl/evp.h>

#include "base/xalloc.h"
#include "crypto/jose.h"
#include "crypto/jwt.h"
#include "crypto/keys.h"
#include "crypto/keyset.h"
#include "parse/b64.h"

#define JSON_DEPTH	8	/* nesting levels of a header or claims set */
#define MEDIA_PREFIX	"application/"

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
	r = jose_addstr(o, "alg", alg);
	if (typ != NULL)
		r |= jose_addstr(o, "typ", typ);
	r |= jose_addstr(o, "kid", key_kid(k));
	if (r == 0 && (s = json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)) != NULL)
		h = b64url_encode((const unsigned char *)s, strlen(s));
	json_object_put(o);
	return h;
}

/* a "." b, fresh (memcpy: vsnprintf copies "%s" a byte at a time). */
static char *
dot_join(const char *a, const char *b)
{
	size_t	 na = strlen(a), nb = strlen(b);
	char	*p = xmalloc(na + 1 + nb + 1);

	memcpy(p, a, na);
	p[na] = '.';
	memcpy(p + na + 1, b, nb + 1);
	return p;
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
	input = dot_join(h, c);
	if ((sig = key_sign(k, input, strlen(input), &siglen)) == NULL ||
	    (s = b64url_encode(sig, siglen)) == NULL)
		goto fail;
	jwt = dot_join(input, s);
 fail:
	free(h);
	free(c);
	free(input);
	free(sig);
	free(s);
	return jwt;
}

char *
jwt_half_hash(enum key_type type, const char *token)
{
	unsigned char	 md[EVP_MAX_MD_SIZE];
	unsigned int	 n;
	const EVP_MD	*h = type == KEY_EDDSA ? EVP_sha512() : EVP_sha256();

	if (EVP_Digest(token, strlen(token), md, &n, h, NULL) != 1)
		return NULL;
	return b64url_encode(md, n / 2);
}

/*
 * The decoded text of a header or payload, which must be one JSON object
 * (RFC 7515 §5.2 steps 2-4, RFC 7519 §7.2 step 10), or NULL.  The whole
 * text: json-c stops at a NUL or after the object, and parse_end tells.
 */
static struct json_object *
parse_object(struct json_tokener *tok, const unsigned char *s, size_t n)
{
	struct json_object	*o;

	json_tokener_reset(tok);
	o = json_tokener_parse_ex(tok, (const char *)s, (int)n);
	if (o != NULL && (json_tokener_get_error(tok) != json_tokener_success ||
	    json_tokener_get_parse_end(tok) != n ||
	    !json_object_is_type(o, json_type_object))) {
		json_object_put(o);
		o = NULL;
	}
	return o;
}

/*
 * RFC 7515 §4.1.9: a "typ" without '/' stands for "application/" typ;
 * media types compare case-insensitively (RFC 9068 §4: "at+jwt").
 */
static const char *
media_type(const char *s)
{
	size_t	n = sizeof(MEDIA_PREFIX) - 1;

	if (strncasecmp(s, MEDIA_PREFIX, n) == 0 && strchr(s + n, '/') == NULL)
		return s + n;
	return s;
}

/* NULL typ: the header must have none, as jwt_sign writes it. */
static int
typ_matches(struct json_object *h, const char *typ)
{
	const char	*t;

	if (typ == NULL)
		return !json_object_object_get_ex(h, "typ", NULL);
	return (t = jose_member_str(h, "typ")) != NULL &&
	    strcasecmp(media_type(t), media_type(typ)) == 0;
}

/* The header's verdict; on JWT_OK *k is the key named by "kid". */
static enum jwt_status
check_header(struct json_object *h, const struct keyset *ks,
    const char *typ, const struct key **k)
{
	const char	*alg, *kid;
	int		 i;

	/* RFC 7515 §4.1.11: we understand no extension, so no "crit". */
	if (json_object_object_get_ex(h, "crit", NULL) || !typ_matches(h, typ))
		return JWT_BAD_HEADER;
	/* RFC 8725 §2.1: only our keys' algorithms; never "none" nor HMAC. */
	if ((alg = jose_member_str(h, "alg")) == NULL)
		return JWT_BAD_HEADER;
	for (i = 0; i < KEY__MAX; i++)
		if (strcmp(alg, key_alg(i)) == 0)
			break;
	if (i == KEY__MAX || (kid = jose_member_str(h, "kid")) == NULL)
		return JWT_BAD_HEADER;
	if ((*k = keyset_find(ks, kid)) == NULL)
		return JWT_UNKNOWN_KID;
	/* RFC 8725 §3.1: each key is used with its one algorithm only. */
	if (strcmp(alg, key_alg(key_get_type(*k))) != 0)
		return JWT_BAD_HEADER;
	return JWT_OK;
}

/*
 * RFC 7519 §7.2, RFC 7515 §5.2.  The claims are parsed only once the
 * signature holds: before that json-c sees the header alone.
 */
enum jwt_status
jwt_verify(const struct keyset *ks, const char *token, size_t len,
    const char *typ, json_object **claims)
{
	struct json_tokener	*tok = NULL;
	struct json_object	*h = NULL, *c = NULL;
	const struct key	*k = NULL;
	const char		*d1, *d2, *end;
	unsigned char		*hb = NULL, *cb = NULL, *sig = NULL;
	size_t			 hn, cn, sn;
	enum jwt_status		 st = JWT_MALFORMED;

	if (claims != NULL)
		*claims = NULL;
	if (ks == NULL || token == NULL || len == 0 || len > JWT_MAX_LEN)
		return JWT_MALFORMED;
	end = token + len;
	/* Three parts: exactly two periods (RFC 7515 §7.1). */
	if ((d1 = memchr(token, '.', len)) == NULL ||
	    (d2 = memchr(d1 + 1, '.', (size_t)(end - d1 - 1))) == NULL ||
	    memchr(d2 + 1, '.', (size_t)(end - d2 - 1)) != NULL)
		return JWT_MALFORMED;
	/* Strict base64url (RFC 7515 §2), header and payload non-empty. */
	if (d1 == token || d2 == d1 + 1 ||
	    (hb = b64url_decode(token, (size_t)(d1 - token), &hn)) == NULL ||
	    (cb = b64url_decode(d1 + 1, (size_t)(d2 - d1 - 1), &cn)) == NULL ||
	    (sig = b64url_decode(d2 + 1, (size_t)(end - d2 - 1), &sn)) == NULL)
		goto fail;
	/* json-c counts one level more than there are brackets. */
	if ((tok = json_tokener_new_ex(JSON_DEPTH + 1)) == NULL)
		goto fail;
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
	    JSON_TOKENER_VALIDATE_UTF8);
	if ((h = parse_object(tok, hb, hn)) == NULL)
		goto fail;
	if ((st = check_header(h, ks, typ, &k)) != JWT_OK)
		goto fail;
	/* Checked only now, so that an unsecured JWS is a bad header. */
	st = JWT_MALFORMED;
	if (sn == 0)
		goto fail;
	st = JWT_BAD_SIGNATURE;
	if (!key_verify(k, token, (size_t)(d2 - token), sig, sn))
		goto fail;
	st = JWT_MALFORMED;
	if ((c = parse_object(tok, cb, cn)) == NULL)
		goto fail;
	st = JWT_OK;
	if (claims != NULL) {
		*claims = c;
		c = NULL;
	}
 fail:
	json_object_put(c);
	json_object_put(h);
	if (tok != NULL)	/* json-c 0.16 crashes on NULL */
		json_tokener_free(tok);
	free(hb);
	free(cb);
	free(sig);
	return st;
}
