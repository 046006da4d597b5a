/*
 * Unit tests for id_token_hint_verify (lib/auth/id_token_hint.c): id_tokens
 * signed in the test by each key of a keyset of three algorithms verify
 * and give back sub, aud, sid and exp exactly; an expired one is accepted
 * (RP-Initiated Logout 1.0 §2); another issuer, typ (an access token's
 * at+jwt, none), key outside the set, a tampered payload, and claims of
 * the wrong shape (aud of two, sub empty, sid not a UUID, NUL in a
 * string, no exp) are refused, and *out is zeroed then.
 * Temporary files go to a mkdtemp directory under $TMPDIR or /tmp.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/id_token_hint.h"
#include "base/arena.h"
#include "base/xalloc.h"
#include "crypto/jwt.h"
#include "crypto/keys.h"
#include "crypto/keyset.h"
#include "tap.h"
#include "tmpdir.h"

#define ISS	"https://op.example"
#define SID	"0b7d3c5e-8f1a-4c2b-9d6e-1a2b3c4d5e6f"
#define AUD	"6f1e2d3c-4b5a-4968-8776-655443322110"

static char		*tmpdir;
static struct keyset	*ks;
static const struct key	*set[KEY__MAX];
static struct key	*outside;
static struct arena	*arena;
static const char	*names[KEY__MAX] = { "es256", "rs256", "eddsa" };

/* Verify the token k signs with typ over claims; *out as the call left it. */
static int
verify_signed(const struct key *k, const char *typ, const char *claims,
    struct id_token_hint *out)
{
	char	*tok;
	int	 r;

	tok = jwt_sign(k, typ, claims);
	memset(out, 0xff, sizeof(*out));
	r = tok != NULL && id_token_hint_verify(arena, ks, ISS, tok,
	    strlen(tok), out);
	free(tok);
	return r;
}

static int
zeroed(const struct id_token_hint *h)
{
	return h->sub == NULL && h->aud == NULL && h->sid == NULL &&
	    h->exp == 0;
}

static void
check_algorithms(void)
{
	struct id_token_hint	 h;
	int			 t;
	static const char	 claims[] = "{\"iss\":\"" ISS "\","
	    "\"sub\":\"42\",\"aud\":\"" AUD "\",\"exp\":4102444800,\"iat\":1,"
	    "\"sid\":\"" SID "\"}";

	for (t = 0; t < KEY__MAX; t++) {
		ok(verify_signed(set[t], "JWT", claims, &h) &&
		    strcmp(h.sub, "42") == 0 && strcmp(h.aud, AUD) == 0 &&
		    strcmp(h.sid, SID) == 0 && h.exp == 4102444800LL,
		    "%s: Core §2 id_token verifies, sub aud sid exp exact",
		    names[t]);
		ok(!verify_signed(set[t], "at+jwt", claims, &h) && zeroed(&h),
		    "%s: typ at+jwt (an access token) refused, out zeroed",
		    names[t]);
	}
	ok(!verify_signed(set[KEY_ES256], NULL, claims, &h) && zeroed(&h),
	    "no typ refused");
	ok(verify_signed(set[KEY_ES256], "jwt", claims, &h),
	    "typ compared case-insensitively (RFC 7515 §4.1.9)");
	ok(!verify_signed(outside, "JWT", claims, &h) && zeroed(&h),
	    "signed by a key outside the set refused");
}

static void
check_claims(void)
{
	struct id_token_hint	 h;
	size_t			 i;
	static const char	*bad[] = {
		"{\"iss\":\"https://other.example\",\"sub\":\"1\","
		    "\"aud\":\"c\",\"exp\":1}",
		"{\"iss\":\"" ISS "/\",\"sub\":\"1\",\"aud\":\"c\",\"exp\":1}",
		"{\"sub\":\"1\",\"aud\":\"c\",\"exp\":1}",
		"{\"iss\":[\"" ISS "\"],\"sub\":\"1\",\"aud\":\"c\",\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"aud\":\"c\",\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"sub\":\"\",\"aud\":\"c\",\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"sub\":42,\"aud\":\"c\",\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\\u0000x\",\"aud\":\"c\","
		    "\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"aud\":\"\",\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"aud\":[],\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"aud\":[\"c\",\"d\"],"
		    "\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"aud\":[1],\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"aud\":{\"c\":1},"
		    "\"exp\":1}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"aud\":\"c\"}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"aud\":\"c\","
		    "\"exp\":\"1\"}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"aud\":\"c\","
		    "\"exp\":1.5}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"aud\":\"c\",\"exp\":1,"
		    "\"sid\":\"not-a-uuid\"}",
		"{\"iss\":\"" ISS "\",\"sub\":\"1\",\"aud\":\"c\",\"exp\":1,"
		    "\"sid\":null}",
	};

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok(!verify_signed(set[KEY_RS256], "JWT", bad[i], &h) &&
		    zeroed(&h), "Core §3.1.3.7 claims refused: %s", bad[i]);
	ok(verify_signed(set[KEY_RS256], "JWT", "{\"iss\":\"" ISS "\","
	    "\"sub\":\"7\",\"aud\":[\"" AUD "\"],\"exp\":1}", &h) &&
	    strcmp(h.aud, AUD) == 0 && h.sid == NULL && h.exp == 1,
	    "aud a one-element array; expired (exp 1) accepted "
	    "(RP-Initiated Logout §2); no sid: NULL");
}

static void
check_input(void)
{
	struct id_token_hint	 h;
	char			*tok, *bad, *big;

	tok = jwt_sign(set[KEY_ES256], "JWT", "{\"iss\":\"" ISS "\","
	    "\"sub\":\"1\",\"aud\":\"c\",\"exp\":1}");
	bad = xstrdup(tok);
	bad[strchr(bad, '.') - bad + 2] ^= 0x01;
	ok(!id_token_hint_verify(arena, ks, ISS, bad, strlen(bad), &h) &&
	    zeroed(&h), "tampered payload refused");
	ok(!id_token_hint_verify(arena, ks, ISS, tok, strlen(tok) - 1, &h),
	    "truncated token refused");
	ok(!id_token_hint_verify(arena, ks, "https://other.example", tok,
	    strlen(tok), &h), "our token, another configured issuer: refused");
	ok(!id_token_hint_verify(arena, ks, ISS, "", 0, &h) &&
	    !id_token_hint_verify(arena, ks, ISS, "a.b.c", 5, &h),
	    "empty and garbage input refused");
	big = xmalloc(JWT_MAX_LEN + 2);
	memset(big, 'A', JWT_MAX_LEN + 1);
	big[JWT_MAX_LEN + 1] = '\0';
	memcpy(big, tok, strlen(tok));
	ok(!id_token_hint_verify(arena, ks, ISS, big, JWT_MAX_LEN + 1, &h),
	    "JWT_MAX_LEN + 1 bytes refused");
	free(big);
	free(bad);
	free(tok);
}

/* ks: P (ES256) with P.100 (RS256) and P.200 (EdDSA); one outside key. */
static int
setup(const char *path)
{
	static const char	*sfx[KEY__MAX] = { "", ".100", ".200" };
	char			 err[256], *p;
	size_t			 i;
	int			 t, r = 0;

	for (t = 0; t < KEY__MAX; t++) {
		p = xasprintf("%s%s", path, sfx[t]);
		r |= key_generate(t, p, 0, err, sizeof(err));
		free(p);
	}
	p = xasprintf("%s/outside.pem", tmpdir);
	r |= key_generate(KEY_ES256, p, 0, err, sizeof(err));
	outside = key_load(p, err, sizeof(err));
	free(p);
	if (r != 0 || outside == NULL ||
	    (ks = keyset_load(path, err, sizeof(err))) == NULL)
		return 0;
	for (i = 0; i < keyset_count(ks); i++)
		set[key_get_type(keyset_get(ks, i, NULL))] =
		    keyset_get(ks, i, NULL);
	return keyset_count(ks) == KEY__MAX && set[0] != NULL &&
	    set[1] != NULL && set[2] != NULL;
}

int
main(void)
{
	char		*path;

	if ((tmpdir = tmpdir_make("t_id_token_hint")) == NULL)
		return 2;
	path = xasprintf("%s/signing.pem", tmpdir);
	arena = arena_new();
	if (ok(setup(path), "keyset of three algorithms and an outside key")) {
		check_algorithms();
		check_claims();
		check_input();
	}
	arena_release(arena);
	keyset_free(ks);
	key_free(outside);
	tmpdir_remove(tmpdir);
	free(path);
	free(tmpdir);
	return done_testing();
}
