/*
 * libFuzzer target for jwt_verify (lib/crypto/jwt.c) and key_verify (keys.c).
 * The input is tried as a whole token; as payload and signature after a
 * header naming a key of the set (so key_verify sees every type); as the
 * header's JSON; and as claims that are then signed for real, which must
 * verify exactly when they are a JSON object.  The keyset (ES256 P, with
 * retired RS256 P.1 and EdDSA P.2) is made at the first call in a mkdtemp
 * directory, removed once loaded.  Aborts when a result breaks jwt.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "base/xalloc.h"
#include "crypto/jwt.h"
#include "crypto/keys.h"
#include "crypto/keyset.h"
#include "fuzz_keyset.h"
#include "parse/b64.h"

#define TYP	"at+jwt"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct keyset	*ks;
static const struct key	*keys[KEY__MAX];
static char		*hdr[KEY__MAX];	/* base64url header naming keys[i] */

static void
setup(void)
{
	const struct key	*k;
	char			*h;
	size_t			 i;
	int			 t;

	ks = fuzz_keyset("fuzz_jwt");
	for (i = 0; i < KEY__MAX; i++) {
		k = keyset_get(ks, i, NULL);
		t = key_get_type(k);
		keys[t] = k;
		h = xasprintf("{\"alg\":\"%s\",\"typ\":\"%s\",\"kid\":\"%s\"}",
		    key_alg(t), TYP, key_kid(k));
		hdr[t] = b64url_encode((const unsigned char *)h, strlen(h));
		free(h);
	}
}

/* jwt_verify of s[0..n), aborting when the result breaks jwt.h. */
static enum jwt_status
verify(const char *s, size_t n)
{
	json_object	*claims = (json_object *)&claims;
	enum jwt_status	 st;

	st = jwt_verify(ks, s, n, TYP, &claims);
	if ((unsigned)st >= JWT__MAX || (st == JWT_OK) != (claims != NULL) ||
	    (claims != NULL && !json_object_is_type(claims, json_type_object)))
		abort();
	json_object_put(claims);
	return st;
}

/* b64url(data) as the header of an unsigned token. */
static void
as_header(const uint8_t *data, size_t size)
{
	char	*h, *tok;

	h = b64url_encode(data, size);
	tok = xasprintf("%s.e30.AAAA", h);
	if (verify(tok, strlen(tok)) == JWT_OK)
		abort();
	free(tok);
	free(h);
}

/* data as claims, signed by the EdDSA key: OK or malformed, nothing else. */
static void
as_claims(const uint8_t *data, size_t size)
{
	const struct key	*k = keys[KEY_EDDSA];
	unsigned char		*sig;
	char			*c, *in, *s, *tok;
	size_t			 n;
	enum jwt_status		 st;

	c = b64url_encode(data, size);
	in = xasprintf("%s.%s", hdr[KEY_EDDSA], c);
	if ((sig = key_sign(k, in, strlen(in), &n)) == NULL)
		abort();
	s = b64url_encode(sig, n);
	tok = xasprintf("%s.%s", in, s);
	st = verify(tok, strlen(tok));
	if (st != JWT_OK && st != JWT_MALFORMED)
		abort();
	free(tok);
	free(s);
	free(sig);
	free(in);
	free(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*h;
	char		*tok;
	size_t		 hl;

	if (ks == NULL)
		setup();
	/* The input as a token: no key signed it, so never JWT_OK. */
	if (verify((const char *)data, size) == JWT_OK)
		abort();
	if (size > 0) {
		h = hdr[data[0] % KEY__MAX];
		hl = strlen(h);
		tok = xmalloc(hl + size);
		memcpy(tok, h, hl);
		tok[hl] = '.';
		memcpy(tok + hl + 1, data + 1, size - 1);
		if (verify(tok, hl + size) == JWT_OK)
			abort();
		free(tok);
	}
	as_header(data, size);
	as_claims(data, size);
	return 0;
}
