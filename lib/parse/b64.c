/*
 * Base64 (RFC 4648 §4) and unpadded base64url (RFC 4648 §5, RFC 7515 §2),
 * libc only: the input is untrusted, so the decoder is strict and holds
 * no library that also holds keys.
 *
 * Strict means canonical (RFC 4648 §3.5): no character outside the one
 * alphabet (§3.3, so no whitespace or line breaks), padding exactly where
 * §4 puts it for base64 and none at all for base64url, and zero spare bits
 * in the last character, so every byte string has exactly one encoding.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "parse/b64.h"

static const char url_alphabet[64] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* The 6-bit value of c in the standard or url alphabet, or -1. */
static int
sextet(unsigned char c, int url)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == (url ? '-' : '+'))
		return 62;
	if (c == (url ? '_' : '/'))
		return 63;
	return -1;
}

/*
 * Decode len data characters (no padding) of one alphabet.  A final group
 * of 2 or 3 characters stands for 1 or 2 bytes; a group of 1 stands for
 * none and is refused.  Returns NULL unless the input is canonical.
 */
static unsigned char *
decode(const unsigned char *in, size_t len, int url, size_t *outlen)
{
	unsigned char	*out;
	uint32_t	 acc = 0;
	size_t		 i, o = 0;
	int		 v;

	if (len % 4 == 1)
		return NULL;
	/* At most len / 4 * 3 + 2 bytes; +1 for the NUL.  No overflow. */
	out = xmalloc(len / 4 * 3 + 3);
	for (i = 0; i < len; i++) {
		if ((v = sextet(in[i], url)) < 0)
			goto fail;
		acc = acc << 6 | (uint32_t)v;
		if (i % 4 == 3) {
			out[o++] = (unsigned char)(acc >> 16);
			out[o++] = (unsigned char)(acc >> 8);
			out[o++] = (unsigned char)acc;
			acc = 0;
		}
	}
	/* RFC 4648 §3.5: the bits past the last byte must be zero. */
	switch (len % 4) {
	case 2:		/* 12 bits: one byte, 4 spare */
		if ((acc & 0x0f) != 0)
			goto fail;
		out[o++] = (unsigned char)(acc >> 4);
		break;
	case 3:		/* 18 bits: two bytes, 2 spare */
		if ((acc & 0x03) != 0)
			goto fail;
		out[o++] = (unsigned char)(acc >> 10);
		out[o++] = (unsigned char)(acc >> 2);
		break;
	}
	out[o] = '\0';
	*outlen = o;
	return out;
 fail:
	free(out);
	return NULL;
}

char *
b64url_encode(const unsigned char *in, size_t len)
{
	char		*out;
	uint32_t	 acc;
	size_t		 i, o = 0, rest;

	/* 4 characters per 3 bytes, plus a NUL, must fit a size_t. */
	if (len / 3 >= (SIZE_MAX - 5) / 4)
		return NULL;
	out = xmalloc(len / 3 * 4 + 5);
	for (i = 0; len - i >= 3; i += 3) {
		acc = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 |
		    in[i + 2];
		out[o++] = url_alphabet[acc >> 18];
		out[o++] = url_alphabet[acc >> 12 & 0x3f];
		out[o++] = url_alphabet[acc >> 6 & 0x3f];
		out[o++] = url_alphabet[acc & 0x3f];
	}
	/* RFC 7515 §2: the last 1 or 2 bytes without '=' padding. */
	if ((rest = len - i) > 0) {
		acc = (uint32_t)in[i] << 16;
		if (rest == 2)
			acc |= (uint32_t)in[i + 1] << 8;
		out[o++] = url_alphabet[acc >> 18];
		out[o++] = url_alphabet[acc >> 12 & 0x3f];
		if (rest == 2)
			out[o++] = url_alphabet[acc >> 6 & 0x3f];
	}
	out[o] = '\0';
	return out;
}

unsigned char *
b64_decode(const char *s, size_t len, size_t *outlen)
{
	const unsigned char	*in = (const unsigned char *)s;
	size_t			 pad = 0;

	/*
	 * RFC 4648 §4: a multiple of 4 characters, the last group padded
	 * with one or two '='; §3.3: '=' nowhere else.  Any other '='
	 * is left in the data, where decode() refuses it.
	 */
	if (len % 4 != 0)
		return NULL;
	if (len > 0 && in[len - 1] == '=')
		pad = len > 1 && in[len - 2] == '=' ? 2 : 1;
	return decode(in, len - pad, 0, outlen);
}

unsigned char *
b64url_decode(const char *s, size_t len, size_t *outlen)
{
	/* RFC 7515 §2: the url alphabet, no '=' padding. */
	return decode((const unsigned char *)s, len, 1, outlen);
}
