/*
 * Unit tests for lib/crypto/secret.c: SHA-256 in lower-case hex (FIPS 180-2
 * vectors, the form oauth_clients.secret and the refresh token ids are
 * stored in), secret_matches, and the shapes of random values: version 4
 * UUIDs (RFC 9562 §5.4), 64-hex secrets, 43-character base64url secrets.
 */
#include <stdio.h>
#include <string.h>

#include "crypto/secret.h"
#include "tap.h"

static int
all_of(const char *s, const char *set)
{
	return strspn(s, set) == strlen(s);
}

/* 8-4-4-4-12 lower-case hex, version 4, variant 10. */
static int
uuid_v4(const char *u)
{
	static const int	dash[] = { 8, 13, 18, 23 };
	size_t			i;
	char			hexonly[UUID_TEXT_LEN + 1];
	size_t			n = 0;

	if (strlen(u) != UUID_TEXT_LEN)
		return 0;
	for (i = 0; i < 4; i++)
		if (u[dash[i]] != '-')
			return 0;
	for (i = 0; i < UUID_TEXT_LEN; i++)
		if (u[i] != '-')
			hexonly[n++] = u[i];
	hexonly[n] = '\0';
	return n == 32 && all_of(hexonly, "0123456789abcdef") &&
	    u[14] == '4' && strchr("89ab", u[19]) != NULL;
}

int
main(void)
{
	char	h[SECRET_HASH_HEX + 1], u[UUID_TEXT_LEN + 1], v[UUID_TEXT_LEN + 1];
	char	s[SECRET_TEXT_LEN + 1];
	int	i, good = 1;

	secret_hash_hex("abc", 3, h);
	ok(strcmp(h, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad") == 0, "sha256(abc) in hex");
	secret_hash_hex("", 0, h);
	ok(strcmp(h, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855") == 0, "sha256() in hex");

	secret_hash_hex("s3cret", 6, h);
	ok(secret_matches(h, "s3cret", 6), "secret_matches: the secret");
	ok(!secret_matches(h, "s3creT", 6), "secret_matches: one letter off");
	ok(!secret_matches(h, "s3cre", 5), "secret_matches: a prefix");
	ok(!secret_matches(NULL, "s3cret", 6), "secret_matches: no stored hash");
	h[63] = '\0';
	ok(!secret_matches(h, "s3cret", 6), "secret_matches: a short stored hash");

	for (i = 0; i < 1000 && good; i++)
		good = uuid_new(u) == 0 && uuid_v4(u);
	ok(good, "uuid_new: 1,000 version 4 UUIDs in the 8-4-4-4-12 form");
	ok(uuid_new(v) == 0 && strcmp(u, v) != 0, "uuid_new: two differ");

	ok(secret_new_hex(h) == 0 && strlen(h) == SECRET_HASH_HEX &&
	    all_of(h, "0123456789abcdef"), "secret_new_hex: 64 lower-case hex");
	ok(secret_new(s) == 0 && strlen(s) == 43 && all_of(s,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
	    "secret_new: 256 bits as 43 base64url characters");
	return done_testing();
}
