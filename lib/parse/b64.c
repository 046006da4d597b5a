/*
 * Base64 (RFC 4648 §4) and unpadded base64url (RFC 4648 §5, RFC 7515 §2)
 * on top of OpenSSL's EVP_EncodeBlock/EVP_DecodeBlock.
 *
 * EVP_DecodeBlock is lenient: it skips leading and trailing whitespace,
 * decodes '=' as zero bits (so it returns the padded length) and takes an
 * int.  The decoders here therefore check the input first and only ever
 * hand EVP_DecodeBlock canonical, padded base64 in chunks that fit.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <openssl/evp.h>

#include "base/xalloc.h"
#include "parse/b64.h"

/* Bytes per EVP_*Block call: a multiple of 3 whose encoding fits an int. */
#define CHUNK_RAW	(3 * 16384)
#define CHUNK_ENC	(4 * 16384)

static int
b64val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * Decode standard base64 that has already been checked to be canonical:
 * len is a multiple of 4 and pad ('=' count, 0-2) only ends it.
 */
static unsigned char *
decode_checked(const unsigned char *in, size_t len, size_t pad,
    size_t *outlen)
{
	unsigned char	*out;
	size_t		 off, n, o = 0;
	int		 r;

	/* +1 keeps room for the NUL; +1 more lets len 0 allocate. */
	out = xmalloc(len / 4 * 3 + 1);
	for (off = 0; off < len; off += n) {
		n = len - off < CHUNK_ENC ? len - off : CHUNK_ENC;
		r = EVP_DecodeBlock(out + o, in + off, (int)n);
		if (r < 0 || (size_t)r != n / 4 * 3)
			goto fail;
		o += (size_t)r;
	}
	/* EVP_DecodeBlock counts the bytes the padding stands for. */
	o -= pad;
	out[o] = '\0';
	*outlen = o;
	return out;
 fail:
	free(out);
	return NULL;
}

/*
 * Check the data characters of one encoding (no '=' in in[0..len)) and that
 * the bits the last character carries beyond the data are zero, which
 * RFC 4648 §3.5 requires of a canonical encoding.  len % 4 must not be 1.
 */
static int
canonical(const unsigned char *in, size_t len)
{
	size_t	i;
	int	v = 0;

	if (len % 4 == 1)
		return 0;
	for (i = 0; i < len; i++)
		if ((v = b64val(in[i])) < 0)
			return 0;
	switch (len % 4) {
	case 2:		/* one byte: 4 spare bits */
		return (v & 0x0f) == 0;
	case 3:		/* two bytes: 2 spare bits */
		return (v & 0x03) == 0;
	default:
		return 1;
	}
}

char *
b64url_encode(const unsigned char *in, size_t len)
{
	char	*out, *p;
	size_t	 off, n, o = 0;
	int	 r;

	if (len > (SIZE_MAX - 1) / 4 * 3 - 3)
		return NULL;
	out = xmalloc((len + 2) / 3 * 4 + 1);
	for (off = 0; off < len; off += n) {
		n = len - off < CHUNK_RAW ? len - off : CHUNK_RAW;
		r = EVP_EncodeBlock((unsigned char *)out + o, in + off,
		    (int)n);
		o += (size_t)r;
	}
	out[o] = '\0';
	/* RFC 4648 §5 alphabet; RFC 7515 §2 drops the padding. */
	for (p = out; *p != '\0'; p++) {
		if (*p == '+')
			*p = '-';
		else if (*p == '/')
			*p = '_';
		else if (*p == '=') {
			*p = '\0';
			break;
		}
	}
	return out;
}

unsigned char *
b64_decode(const char *s, size_t len, size_t *outlen)
{
	const unsigned char	*in = (const unsigned char *)s;
	size_t			 pad = 0;

	/* RFC 4648 §4: padded to a multiple of 4; §3.3: nothing else. */
	if (len % 4 != 0)
		return NULL;
	if (len > 0 && in[len - 1] == '=')
		pad++;
	if (len > 1 && in[len - 2] == '=')
		pad++;
	if (!canonical(in, len - pad))
		return NULL;
	return decode_checked(in, len, pad, outlen);
}

unsigned char *
b64url_decode(const char *s, size_t len, size_t *outlen)
{
	unsigned char	*buf, *out;
	size_t		 i, pad;

	/* RFC 7515 §2: the url alphabet without '=' padding. */
	if (len % 4 == 1 || len > SIZE_MAX - 3)
		return NULL;
	buf = xmalloc(len + 3);
	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '+':
		case '/':
		case '=':
			goto fail;
		case '-':
			buf[i] = '+';
			break;
		case '_':
			buf[i] = '/';
			break;
		default:
			buf[i] = (unsigned char)s[i];
			break;
		}
	}
	if (!canonical(buf, len))
		goto fail;
	for (pad = 0; (len + pad) % 4 != 0; pad++)
		buf[len + pad] = '=';
	out = decode_checked(buf, len + pad, pad, outlen);
	free(buf);
	return out;
 fail:
	free(buf);
	return NULL;
}
