/* Unit tests for lib/parse/basic_auth.c. */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "parse/basic_auth.h"
#include "tap.h"
#include "base/xalloc.h"

/* "Basic " + base64(raw[0..len)), standard alphabet, padded. */
static char *
basic(const char *raw, size_t len)
{
	static const char	 a[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*in = (const unsigned char *)raw;
	char			*h, *p;
	size_t			 i;
	unsigned long		 v;

	h = xmalloc(6 + (len + 2) / 3 * 4 + 1);
	memcpy(h, "Basic ", 6);
	for (i = 0, p = h + 6; i < len; i += 3, p += 4) {
		v = (unsigned long)in[i] << 16;
		if (i + 1 < len)
			v |= (unsigned long)in[i + 1] << 8;
		if (i + 2 < len)
			v |= in[i + 2];
		p[0] = a[v >> 18 & 63];
		p[1] = a[v >> 12 & 63];
		p[2] = i + 1 < len ? a[v >> 6 & 63] : '=';
		p[3] = i + 2 < len ? a[v & 63] : '=';
	}
	*p = '\0';
	return h;
}

/* Parse h; on BASIC_OK compare with want_id/want_secret. */
static int
check(const char *h, enum basic_status want, const char *want_id,
    const char *want_secret)
{
	static char		 junk[] = "junk";
	enum basic_status	 st;
	struct arena		*a = arena_new();
	char			*id = junk, *secret = junk;
	int			 r;

	st = basic_auth_parse(a, h, &id, &secret);
	if (st != BASIC_OK)
		r = st == want && id == NULL && secret == NULL;
	else
		r = want == BASIC_OK && strcmp(id, want_id) == 0 &&
		    strcmp(secret, want_secret) == 0;
	arena_release(a);
	return r;
}

/* check() on "Basic " + base64(raw). */
static int
raw(const char *s, size_t len, enum basic_status want, const char *want_id,
    const char *want_secret)
{
	char	*h = basic(s, len);
	int	 r = check(h, want, want_id, want_secret);

	free(h);
	return r;
}
#define RAW(s, ...)	raw(s, sizeof(s) - 1, __VA_ARGS__)

static char *
repeat(char c, size_t n, const char *tail)
{
	size_t	 tl = strlen(tail);
	char	*s = xmalloc(n + tl + 1);

	memset(s, c, n);
	memcpy(s + n, tail, tl + 1);
	return s;
}

int
main(void)
{
	char	*s, *h;

	/* RFC 6749 §2.3.1 example. */
	ok(check("Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3",
	    BASIC_OK, "s6BhdRkqt3", "7Fjfp0ZBr1KtDRbnfVdmIw"),
	    "basic: RFC 6749 example decodes");
	ok(RAW("s6BhdRkqt3:7Fjfp0ZBr1KtDRbnfVdmIw", BASIC_OK, "s6BhdRkqt3",
	    "7Fjfp0ZBr1KtDRbnfVdmIw"), "basic: round trip of the example");
	ok(check("basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3",
	    BASIC_OK, "s6BhdRkqt3", "7Fjfp0ZBr1KtDRbnfVdmIw") &&
	    check("BASIC czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3",
	    BASIC_OK, "s6BhdRkqt3", "7Fjfp0ZBr1KtDRbnfVdmIw"),
	    "basic: scheme is case-insensitive");
	ok(check("Basic   czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3",
	    BASIC_OK, "s6BhdRkqt3", "7Fjfp0ZBr1KtDRbnfVdmIw"),
	    "basic: a run of spaces after the scheme");

	ok(check(NULL, BASIC_NONE, NULL, NULL), "basic: NULL -> NONE");
	ok(check("Bearer x", BASIC_NONE, NULL, NULL),
	    "basic: Bearer x -> NONE");
	ok(check("", BASIC_NONE, NULL, NULL), "basic: empty -> NONE");
	ok(check("Basicx czZC", BASIC_NONE, NULL, NULL),
	    "basic: Basicx is another scheme -> NONE");
	ok(check("Basic", BASIC_MALFORMED, NULL, NULL) &&
	    check("Basic   ", BASIC_MALFORMED, NULL, NULL),
	    "basic: Basic without a token -> MALFORMED");
	ok(check("Basic\tczZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3",
	    BASIC_NONE, NULL, NULL), "basic: tab is not the separator");

	ok(check("Basic !!!!", BASIC_MALFORMED, NULL, NULL),
	    "basic: bad base64 -> MALFORMED");
	ok(check("Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl",
	    BASIC_MALFORMED, NULL, NULL),
	    "basic: unpadded base64 -> MALFORMED");
	ok(check("Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3 ",
	    BASIC_MALFORMED, NULL, NULL),
	    "basic: trailing space -> MALFORMED");
	ok(check("Basic +/86eA==", BASIC_OK, "\xfb\xff", "x") &&
	    check("Basic -_86eA==", BASIC_MALFORMED, NULL, NULL),
	    "basic: standard alphabet only, base64url rejected");
	ok(RAW("noColonHere", BASIC_MALFORMED, NULL, NULL),
	    "basic: no colon -> MALFORMED");
	ok(RAW("id:sec:ret", BASIC_OK, "id", "sec:ret"),
	    "basic: colon in secret kept");
	ok(RAW("a%3Ab:p%40ss+w%2B", BASIC_OK, "a:b", "p@ss w+"),
	    "basic: url-encoded id and secret decoded (%%3A in id)");
	ok(RAW(":secret", BASIC_MALFORMED, NULL, NULL),
	    "basic: empty id -> MALFORMED");
	ok(RAW("%3A:x", BASIC_OK, ":", "x"), "basic: id of only %%3A ok");
	ok(RAW("client:", BASIC_OK, "client", ""),
	    "basic: empty secret ok, returned as \"\"");
	ok(RAW("a\0b:c", BASIC_MALFORMED, NULL, NULL),
	    "basic: NUL in decoded credentials -> MALFORMED");
	ok(RAW("id:%zz", BASIC_MALFORMED, NULL, NULL),
	    "basic: bad escape in secret -> MALFORMED");
	ok(RAW("id%0A:x", BASIC_MALFORMED, NULL, NULL),
	    "basic: %%0A in id -> MALFORMED");

	s = repeat('a', BASIC_MAX_ID, ":x");
	h = xstrndup(s, BASIC_MAX_ID);
	ok(raw(s, strlen(s), BASIC_OK, h, "x"),
	    "basic: id of BASIC_MAX_ID bytes ok");
	free(h);
	free(s);
	s = repeat('a', BASIC_MAX_ID + 1, ":x");
	ok(raw(s, strlen(s), BASIC_MALFORMED, NULL, NULL),
	    "basic: id over BASIC_MAX_ID -> MALFORMED");
	free(s);
	s = repeat('b', 2 + BASIC_MAX_SECRET, "");
	memcpy(s, "a:", 2);
	ok(raw(s, strlen(s), BASIC_OK, "a", s + 2),
	    "basic: secret of BASIC_MAX_SECRET bytes ok");
	free(s);
	s = repeat('b', 2 + BASIC_MAX_SECRET + 1, "");
	memcpy(s, "a:", 2);
	ok(raw(s, strlen(s), BASIC_MALFORMED, NULL, NULL),
	    "basic: secret over BASIC_MAX_SECRET -> MALFORMED");
	free(s);

	/* "YTpi" is base64("a:b"); spaces pad the header to the limit. */
	s = repeat(' ', BASIC_MAX_HEADER - 5 - 4, "YTpi");
	h = xasprintf("Basic%s", s);
	ok(strlen(h) == BASIC_MAX_HEADER && check(h, BASIC_OK, "a", "b"),
	    "basic: header of exactly BASIC_MAX_HEADER bytes ok");
	free(h);
	h = xasprintf("Basic %s", s);
	ok(strlen(h) == BASIC_MAX_HEADER + 1 &&
	    check(h, BASIC_MALFORMED, NULL, NULL),
	    "basic: header over BASIC_MAX_HEADER -> MALFORMED");
	free(h);
	free(s);
	s = repeat('x', 4 * BASIC_MAX_HEADER, "");
	h = xasprintf("Bearer %s", s);
	ok(check(h, BASIC_NONE, NULL, NULL),
	    "basic: long header of another scheme -> NONE");
	free(h);
	free(s);

	return done_testing();
}
