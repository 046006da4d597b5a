/*
 * libFuzzer target for id_token_hint_verify (lib/auth/id_token_hint.c):
 * the claims reader behind the signature.  The input is tried as a whole
 * token (no key signed it: never accepted), and as claims signed for real
 * by the key its first byte picks, with typ "JWT" (then judged by the
 * claims alone) and with typ "at+jwt" (never accepted).  The keyset (ES256
 * P, retired RS256 P.1 and EdDSA P.2) is made at the first call in a
 * mkdtemp directory, removed once loaded.  Aborts when a result breaks
 * id_token_hint.h: accepted with a missing or empty sub or aud, a sid that
 * is not a UUID; refused with *out not zeroed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth/id_token_hint.h"
#include "base/arena.h"
#include "base/xalloc.h"
#include "crypto/jwt.h"
#include "crypto/keys.h"
#include "crypto/keyset.h"
#include "fuzz_keyset.h"
#include "parse/valid.h"

#define ISS	"https://op.example"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct keyset	*ks;

static void
setup(void)
{
	ks = fuzz_keyset("fuzz_id_token_hint");
}

/* id_token_hint_verify of s[0..n), aborting on a broken contract. */
static int
verify(struct arena *a, const char *s, size_t n)
{
	struct id_token_hint	h;
	int			r;

	memset(&h, 0xa5, sizeof(h));
	r = id_token_hint_verify(a, ks, ISS, s, n, &h);
	if (r != 0 && r != 1)
		abort();
	if (r == 0 && (h.sub != NULL || h.aud != NULL || h.sid != NULL ||
	    h.exp != 0))
		abort();
	if (r == 1 && (h.sub == NULL || *h.sub == '\0' || h.aud == NULL ||
	    *h.aud == '\0' || (h.sid != NULL && !uuid_valid(h.sid))))
		abort();
	return r;
}

/* claims signed by k with typ: the verdict. */
static int
verify_signed(struct arena *a, const struct key *k, const char *typ,
    const char *claims)
{
	char	*tok;
	int	 r;

	if ((tok = jwt_sign(k, typ, claims)) == NULL)
		abort();
	r = verify(a, tok, strlen(tok));
	free(tok);
	return r;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct key	*k;
	struct arena		*a;
	char			*claims;

	if (ks == NULL)
		setup();
	a = arena_new();
	if (verify(a, (const char *)data, size) == 1)
		abort();
	if (size > 0) {
		k = keyset_get(ks, data[0] % KEY__MAX, NULL);
		claims = xstrndup((const char *)data + 1, size - 1);
		verify_signed(a, k, "JWT", claims);
		if (verify_signed(a, k, "at+jwt", claims) == 1)
			abort();
		free(claims);
	}
	arena_release(a);
	return 0;
}
