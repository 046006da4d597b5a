/*
 * Unit tests for lib/parse/b64.c: RFC 4648 §10 vectors, the base64url alphabet
 * (§5) without padding (RFC 7515 §2), and rejection of every
 * non-canonical input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/b64.h"
#include "tap.h"

static const struct {
	const char	*raw, *std, *url;
} rfc4648[] = {		/* RFC 4648 §10 */
	{ "", "", "" },
	{ "f", "Zg==", "Zg" },
	{ "fo", "Zm8=", "Zm8" },
	{ "foo", "Zm9v", "Zm9v" },
	{ "foob", "Zm9vYg==", "Zm9vYg" },
	{ "fooba", "Zm9vYmE=", "Zm9vYmE" },
	{ "foobar", "Zm9vYmFy", "Zm9vYmFy" },
};

typedef unsigned char *(*decoder)(const char *, size_t, size_t *);

/* s[0..len) decodes to exactly want[wantlen], NUL-terminated. */
static int
dec_is(decoder dec, const char *s, size_t len, const void *want,
    size_t wantlen)
{
	unsigned char	*got;
	size_t		 n = 12345;
	int		 r;

	got = dec(s, len, &n);
	r = got != NULL && n == wantlen && memcmp(got, want, wantlen) == 0 &&
	    got[n] == '\0';
	free(got);
	return r;
}

static int
std_rejects(const char *s, size_t len)
{
	size_t		 n = 12345;
	unsigned char	*p;

	if ((p = b64_decode(s, len, &n)) != NULL) {
		free(p);
		return 0;
	}
	return 1;
}

static int
url_rejects(const char *s, size_t len)
{
	size_t		 n = 12345;
	unsigned char	*p;

	if ((p = b64url_decode(s, len, &n)) != NULL) {
		free(p);
		return 0;
	}
	return 1;
}

#define STD_REJECTS(s)	std_rejects((s), sizeof(s) - 1)
#define URL_REJECTS(s)	url_rejects((s), sizeof(s) - 1)

/* Round trips of every length up to 300 and of data past the chunk size. */
static void
round_trips(void)
{
	unsigned char	*buf, *got;
	char		*enc, *std;
	size_t		 len, n, i, bad = 0, enclen;
	const size_t	 big = 3 * 16384 * 3 + 7;	/* spans chunks */

	buf = malloc(big);
	for (i = 0; i < big; i++)
		buf[i] = (unsigned char)(i * 7 + i / 256);
	for (len = 0; len <= 300; len++) {
		enc = b64url_encode(buf, len);
		got = b64url_decode(enc, strlen(enc), &n);
		if (got == NULL || n != len || memcmp(got, buf, len) != 0 ||
		    strchr(enc, '=') != NULL || strlen(enc) !=
		    (len * 4 + 2) / 3)
			bad++;
		free(got);
		free(enc);
	}
	ok(bad == 0, "base64url round trip of lengths 0..300");

	enc = b64url_encode(buf, big);
	enclen = strlen(enc);
	ok(enclen == (big * 4 + 2) / 3, "long input: encoded length %zu",
	    enclen);
	ok(dec_is(b64url_decode, enc, enclen, buf, big),
	    "long input: base64url round trip across chunks");
	/* The same data in the standard alphabet, with padding. */
	std = malloc(enclen + 3);
	for (i = 0; i < enclen; i++)
		std[i] = enc[i] == '-' ? '+' : enc[i] == '_' ? '/' : enc[i];
	while (i % 4 != 0)
		std[i++] = '=';
	ok(dec_is(b64_decode, std, i, buf, big),
	    "long input: base64 decode across chunks");
	free(std);
	free(enc);
	free(buf);
}

/*
 * RFC 4648 §3.3: every byte outside the alphabet is refused, in every
 * position of a group; each alphabet accepts exactly its 64 characters.
 */
static void
alphabet(void)
{
	static const char	 std64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	static const char	 url64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_";
	char			 s[5];
	size_t			 n;
	int			 c, pos, in_std, in_url, bad = 0;
	unsigned char		*p;

	for (c = 0; c < 256; c++) {
		in_std = c != 0 && strchr(std64, c) != NULL;
		in_url = c != 0 && strchr(url64, c) != NULL;
		for (pos = 0; pos < 4; pos++) {
			/* "AAAA" decodes to zero bytes; c in any place. */
			memcpy(s, "AAAA", 5);
			s[pos] = (char)c;
			if ((p = b64_decode(s, 4, &n)) != NULL)
				free(p);
			if ((p != NULL) != in_std && !(c == '=' && pos == 3))
				bad++;
			if ((p = b64url_decode(s, 4, &n)) != NULL)
				free(p);
			if ((p != NULL) != in_url)
				bad++;
		}
	}
	ok(bad == 0, "each alphabet accepts its 64 characters and no other "
	    "byte, in any position");
}

/*
 * RFC 4648 §3.5 and §4: of all two-character groups exactly those with
 * zero spare bits decode, each to the one byte that encodes back to it.
 */
static void
canonical_groups(void)
{
	static const char	 url64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_";
	char			 s[3], *enc;
	unsigned char		*p;
	size_t			 n;
	int			 i, j, accepted = 0, bad = 0;

	for (i = 0; i < 64; i++)
		for (j = 0; j < 64; j++) {
			s[0] = url64[i], s[1] = url64[j], s[2] = '\0';
			if ((p = b64url_decode(s, 2, &n)) == NULL) {
				if ((j & 0x0f) == 0)
					bad++;
				continue;
			}
			accepted++;
			enc = b64url_encode(p, n);
			if (n != 1 || strcmp(enc, s) != 0)
				bad++;
			free(enc);
			free(p);
		}
	ok(bad == 0 && accepted == 256, "base64url: the 256 canonical "
	    "two-character groups decode, the other 3840 are refused");
}

int
main(void)
{
	static const unsigned char	 fbff[] = { 0xfb, 0xff };
	static const unsigned char	 nul[] = { 'a', 0, 'b', 0 };
	char				*s;
	size_t				 i;

	for (i = 0; i < sizeof(rfc4648) / sizeof(rfc4648[0]); i++) {
		const char	*raw = rfc4648[i].raw;

		s = b64url_encode((const unsigned char *)raw, strlen(raw));
		ok(s != NULL && strcmp(s, rfc4648[i].url) == 0,
		    "b64url_encode(\"%s\") = \"%s\"", raw, rfc4648[i].url);
		free(s);
		ok(dec_is(b64url_decode, rfc4648[i].url,
		    strlen(rfc4648[i].url), raw, strlen(raw)),
		    "b64url_decode(\"%s\") = \"%s\"", rfc4648[i].url, raw);
		ok(dec_is(b64_decode, rfc4648[i].std,
		    strlen(rfc4648[i].std), raw, strlen(raw)),
		    "b64_decode(\"%s\") = \"%s\"", rfc4648[i].std, raw);
	}

	/* RFC 4648 §5: 62 and 63 are '-' and '_' in the url alphabet. */
	s = b64url_encode(fbff, sizeof(fbff));
	ok(s != NULL && strcmp(s, "-_8") == 0, "0xfb 0xff -> \"-_8\"");
	free(s);
	ok(dec_is(b64url_decode, "-_8", 3, fbff, sizeof(fbff)),
	    "b64url_decode(\"-_8\") = 0xfb 0xff");
	ok(dec_is(b64_decode, "+/8=", 4, fbff, sizeof(fbff)),
	    "b64_decode(\"+/8=\") = 0xfb 0xff");
	ok(URL_REJECTS("+/8"), "b64url rejects the standard alphabet");
	ok(STD_REJECTS("-_8="), "base64 rejects the url alphabet");

	/* Bytes with NUL inside encode and decode like any other. */
	s = b64url_encode(nul, sizeof(nul));
	ok(s != NULL && strcmp(s, "YQBiAA") == 0, "encode embedded NULs");
	ok(dec_is(b64url_decode, s, strlen(s), nul, sizeof(nul)),
	    "decode to embedded NULs");
	free(s);
	ok(dec_is(b64url_decode, "", 0, "", 0),
	    "b64url_decode of empty input is an empty buffer");

	/* Padding: required for base64, forbidden for base64url. */
	ok(STD_REJECTS("Zg"), "base64: missing padding");
	ok(STD_REJECTS("Zg="), "base64: short padding");
	ok(STD_REJECTS("Zg==="), "base64: extra padding");
	ok(STD_REJECTS("Zm9v="), "base64: padding after a full quantum");
	ok(STD_REJECTS("Z==="), "base64: three pad characters");
	ok(STD_REJECTS("===="), "base64: only padding");
	ok(STD_REJECTS("Zg==Zg=="), "base64: padding in the middle");
	ok(STD_REJECTS("Z=g="), "base64: '=' between data");
	ok(STD_REJECTS("Zg=a"), "base64: '=' before the last character");
	ok(STD_REJECTS("=Zg="), "base64: '=' first");
	ok(STD_REJECTS("Zm9v===="), "base64: a quantum of padding");
	ok(URL_REJECTS("Zg=="), "base64url: padding");
	ok(URL_REJECTS("Zm8="), "base64url: one pad character");
	ok(URL_REJECTS("Zm9v===="), "base64url: padding quantum");
	ok(URL_REJECTS("Z=g"), "base64url: '=' inside");

	/* Wrong length. */
	ok(URL_REJECTS("Z"), "base64url: one character");
	ok(URL_REJECTS("Zm9vY"), "base64url: 4n+1 characters");
	ok(STD_REJECTS("Zm9vY"), "base64: 4n+1 characters");
	ok(STD_REJECTS("Zm9vYm"), "base64: 4n+2 characters");

	/* RFC 4648 §3.5: non-zero pad bits are not canonical. */
	ok(STD_REJECTS("Zh=="), "base64: non-zero pad bits (one byte)");
	ok(STD_REJECTS("Zm9="), "base64: non-zero pad bits (two bytes)");
	ok(URL_REJECTS("Zh"), "base64url: non-zero pad bits (one byte)");
	ok(URL_REJECTS("Zm9"), "base64url: non-zero pad bits (two bytes)");

	/* RFC 4648 §3.3: no characters outside the alphabet. */
	ok(STD_REJECTS("Zm9v!mFy"), "base64: '!'");
	ok(STD_REJECTS("Zm9vYmF\x80"), "base64: high-bit byte");
	ok(URL_REJECTS("Zm9v.mFy"), "base64url: '.'");
	ok(URL_REJECTS("Zm9vYmF\xff"), "base64url: high-bit byte");
	ok(STD_REJECTS("Zm\0v"), "base64: embedded NUL");
	ok(URL_REJECTS("Zm\0v"), "base64url: embedded NUL");
	ok(URL_REJECTS("Zm9v\0"), "base64url: trailing NUL in length");

	/* Whitespace, which EVP_DecodeBlock itself would skip. */
	ok(STD_REJECTS(" Zg=="), "base64: leading space");
	ok(STD_REJECTS("Zg==\n"), "base64: trailing newline");
	ok(STD_REJECTS("Zm9v\nYmFy"), "base64: embedded newline");
	ok(STD_REJECTS("Zm9v\tYmF"), "base64: embedded tab");
	ok(URL_REJECTS(" Zm9v"), "base64url: leading space");
	ok(URL_REJECTS("Zm9v\r\n"), "base64url: trailing CRLF");
	ok(URL_REJECTS("Zm9v Ym"), "base64url: embedded space");

	/* No overflow in the length arithmetic: refused before reading. */
	ok(b64url_encode(fbff, SIZE_MAX) == NULL,
	    "b64url_encode refuses a length whose encoding overflows");
	ok(b64url_encode(fbff, SIZE_MAX / 4 * 3) == NULL,
	    "b64url_encode refuses a length at its bound, SIZE_MAX / 4 * 3");

	alphabet();
	canonical_groups();
	round_trips();
	return done_testing();
}
