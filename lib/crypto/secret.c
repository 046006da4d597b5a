/* Random secrets and their SHA-256; see secret.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "crypto/secret.h"
#include "parse/b64.h"

int
secret_new(char out[SECRET_TEXT_LEN + 1])
{
	unsigned char	 raw[32];
	char		*s;

	if (RAND_bytes(raw, sizeof(raw)) != 1)
		return -1;
	s = b64url_encode(raw, sizeof(raw));
	OPENSSL_cleanse(raw, sizeof(raw));
	snprintf(out, SECRET_TEXT_LEN + 1, "%s", s);
	OPENSSL_cleanse(s, strlen(s));
	free(s);
	return 0;
}

/* Lower-case hex of n bytes into out (2n + 1 bytes, NUL-terminated). */
static void
hex(const unsigned char *b, size_t n, char *out)
{
	static const char	digits[] = "0123456789abcdef";
	size_t			i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[b[i] >> 4];
		out[2 * i + 1] = digits[b[i] & 0x0f];
	}
	out[2 * n] = '\0';
}

static void
digest(const char *s, size_t len, unsigned char md[32])
{
	/* Fetched once: OpenSSL 3's implicit fetch per call costs more. */
	static EVP_MD	*sha256;
	unsigned int	 n = 32;

	if (sha256 == NULL)
		sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
	EVP_Digest(s, len, md, &n, sha256 != NULL ? sha256 : EVP_sha256(),
	    NULL);
}

void
secret_hash_hex(const char *s, size_t len, char out[SECRET_HASH_HEX + 1])
{
	unsigned char	md[32];

	digest(s, len, md);
	hex(md, sizeof(md), out);
}

int
secret_matches(const char *stored_hex, const char *presented, size_t len)
{
	unsigned char	 md[32], want[32];
	long		 n;
	unsigned char	*raw;

	if (stored_hex == NULL || strlen(stored_hex) != SECRET_HASH_HEX)
		return 0;
	if ((raw = OPENSSL_hexstr2buf(stored_hex, &n)) == NULL)
		return 0;
	if (n != 32) {
		OPENSSL_free(raw);
		return 0;
	}
	memcpy(want, raw, 32);
	OPENSSL_free(raw);
	digest(presented, len, md);
	return CRYPTO_memcmp(md, want, 32) == 0;
}

int
uuid_new(char out[UUID_TEXT_LEN + 1])
{
	unsigned char	u[16];

	if (RAND_bytes(u, sizeof(u)) != 1)
		return -1;
	u[6] = (u[6] & 0x0f) | 0x40;	/* RFC 9562 §5.4: version 4 */
	u[8] = (u[8] & 0x3f) | 0x80;	/* variant 10 */
	/* 8-4-4-4-12 */
	hex(u, 4, out);
	out[8] = '-';
	hex(u + 4, 2, out + 9);
	out[13] = '-';
	hex(u + 6, 2, out + 14);
	out[18] = '-';
	hex(u + 8, 2, out + 19);
	out[23] = '-';
	hex(u + 10, 6, out + 24);
	return 0;
}

int
secret_new_hex(char out[SECRET_HASH_HEX + 1])
{
	unsigned char	raw[32];

	if (RAND_bytes(raw, sizeof(raw)) != 1)
		return -1;
	hex(raw, sizeof(raw), out);
	OPENSSL_cleanse(raw, sizeof(raw));
	return 0;
}

int
secret_equal(const char *a, const char *b)
{
	size_t	n;

	if (a == NULL || b == NULL || (n = strlen(a)) != strlen(b))
		return 0;
	return CRYPTO_memcmp(a, b, n) == 0;
}

int
secret_equal_len(const void *a, const void *b, size_t n)
{
	return CRYPTO_memcmp(a, b, n) == 0;
}
