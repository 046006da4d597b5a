/*
 * Signing keys: ES256 (P-256, the default), RS256 (RSA-2048) and EdDSA
 * (Ed25519).  A key lives in one PEM file (PKCS#8, mode 0600).  Its kid is
 * the RFC 7638 JWK thumbprint of the public key.
 */
#ifndef CPASSPORT_KEYS_H
#define CPASSPORT_KEYS_H

#include <stddef.h>

enum key_type {
	KEY_ES256 = 0,
	KEY_RS256,
	KEY_EDDSA,
	KEY__MAX
};

struct key;	/* opaque: holds an EVP_PKEY */

/* "es256", "rs256", "eddsa" (case-insensitive) -> type; -1 if unknown. */
int		 key_type_parse(const char *);
/* The JOSE "alg" of a type: "ES256", "RS256", "EdDSA". */
const char	*key_alg(enum key_type);
/* Its lowercase name, what key_type_parse reads: "es256", "rs256", "eddsa". */
const char	*key_type_name(enum key_type);

/*
 * Generate a new key of the type and write it to path with mode 0600,
 * creating the file exclusively unless force is set (then it replaces the
 * file atomically).  Returns 0, or -1 with a message in err[errlen]
 * (never key material).
 */
int		 key_generate(enum key_type, const char *path, int force,
		    char *err, size_t errlen);

/*
 * Load a PEM private key; NULL with a message in err on failure, also
 * when the file is readable by others than its owner and group (a mode
 * with any of 0007: the message names the file and its mode).
 */
struct key	*key_load(const char *path, char *err, size_t errlen);
void		 key_free(struct key *);

enum key_type	 key_get_type(const struct key *);
/* RFC 7638 thumbprint, base64url; owned by the key. */
const char	*key_kid(const struct key *);
/*
 * The public JWK as a JSON object string, with kty, crv/x/y or n/e, alg,
 * use "sig" and kid; owned by the key.
 */
const char	*key_public_jwk(const struct key *);

/*
 * Raw signature over data with the key's JOSE algorithm (ECDSA as r||s,
 * RFC 7518 §3.4).  Returns a fresh buffer (caller frees) of *siglen
 * bytes, or NULL.
 */
unsigned char	*key_sign(const struct key *, const void *data, size_t len,
		    size_t *siglen);

/*
 * 1 when sig[0..siglen) is a valid JOSE signature of data by the key's
 * public half (ECDSA as r||s of exactly 64 bytes), else 0.
 */
int		 key_verify(const struct key *, const void *data, size_t len,
		    const unsigned char *sig, size_t siglen);

#endif
