/*
 * Base64 (RFC 4648 §4) and base64url without padding (§5, as JOSE uses
 * it), libc only.
 */
#ifndef CPASSPORT_B64_H
#define CPASSPORT_B64_H

#include <stddef.h>

/* Encode; returns a fresh NUL-terminated string (caller frees). */
char	*b64url_encode(const unsigned char *, size_t);

/*
 * Decode standard base64 (padding required, no whitespace) or
 * base64url (no padding).  Returns a fresh buffer of *outlen bytes plus a
 * NUL (caller frees), or NULL when the input is not canonical base64.
 */
unsigned char *b64_decode(const char *, size_t, size_t *outlen);
unsigned char *b64url_decode(const char *, size_t, size_t *outlen);

#endif
