/*
 * Random tokens and their stored form.  Refresh tokens, codes, session ids
 * and client secrets are 256 bits from RAND_bytes, base64url; the
 * database keeps only their SHA-256 (docs/DESIGN.md "Tokens").
 */
#ifndef CPASSPORT_SECRET_H
#define CPASSPORT_SECRET_H

#include <stddef.h>

#define SECRET_TEXT_LEN	43	/* base64url of 32 bytes, no padding */
#define SECRET_HASH_HEX	64	/* hex of a SHA-256 */
#define UUID_TEXT_LEN	36

/* A new 256-bit secret as base64url into out; 0, or -1 if RNG fails. */
int	secret_new(char out[SECRET_TEXT_LEN + 1]);
/* 256 random bits as 64 lower-case hex digits; 0, or -1 if RNG fails. */
int	secret_new_hex(char out[SECRET_HASH_HEX + 1]);
/* 1 when a and b are equal strings, compared in constant time. */
int	secret_equal(const char *a, const char *b);
/* 1 when a[0..n) and b[0..n) are equal, compared in constant time. */
int	secret_equal_len(const void *a, const void *b, size_t n);
/* Lower-case hex SHA-256 of s[0..len) into out. */
void	secret_hash_hex(const char *s, size_t len,
	    char out[SECRET_HASH_HEX + 1]);
/*
 * 1 when SHA-256(presented) equals the stored hex digest, compared in
 * constant time (CRYPTO_memcmp); 0 otherwise or when stored is malformed.
 */
int	secret_matches(const char *stored_hex, const char *presented,
	    size_t len);
/* A new version 4 UUID (RFC 9562 §5.4); 0, or -1 if RNG fails. */
int	uuid_new(char out[UUID_TEXT_LEN + 1]);

#endif
