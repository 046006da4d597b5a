/*
 * Signing keys for JWS: ES256 (P-256), RS256 (RSA >= 2048 bits) and EdDSA
 * (Ed25519), through the OpenSSL 3 EVP API.  A key is one PKCS#8 PEM file
 * of mode 0600 (0640 allowed, never readable by others); its kid is the
 * RFC 7638 JWK thumbprint of the public key.
 *
 * Error messages name files and reasons, never key material.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>
#include <openssl/pem.h>

#include "base/errmsg.h"
#include "base/xalloc.h"
#include "crypto/jose.h"
#include "crypto/keys.h"
#include "parse/b64.h"

#define RSA_MIN_BITS	2048
#define KEY_MODE_OTHERS	0007	/* no permission for others, ever */
#define ES256_COORD	32	/* P-256 coordinate bytes, RFC 7518 §6.2.1.2 */
#define ES256_DER_MAX	80	/* DER ECDSA-Sig-Value for P-256: at most 72 */
#define JSON_FLAGS	(JSON_C_TO_STRING_PLAIN | \
			    JSON_C_TO_STRING_NOSLASHESCAPE)

struct key {
	enum key_type	 type;
	EVP_PKEY	*pkey;
	/*
	 * Initialised once with EVP_DigestSignInit_ex (which fetches the
	 * digest and signature implementations); key_sign signs with a copy
	 * of it, which is cheaper than a fresh init, and never changes it.
	 * ECDSA draws its nonce at signing time, so copies share none.
	 */
	EVP_MD_CTX	*sign_tmpl;
	EVP_MD_CTX	*verify_tmpl;	/* likewise, for key_verify */
	size_t		 sigmax;	/* EVP_PKEY_get_size */
	char		*kid;
	char		*jwk;
};

static const struct {
	const char	*name;		/* for key_type_parse */
	const char	*alg;		/* RFC 7518 §3.1, RFC 8037 §3.1 */
	const char	*kty;		/* JWK "kty" */
	const char	*crv;		/* JWK "crv", or NULL */
	const char	*md;		/* digest for EVP_DigestSign, or NULL */
} types[KEY__MAX] = {
	[KEY_ES256] = { "es256", "ES256", "EC", "P-256", "SHA256" },
	[KEY_RS256] = { "rs256", "RS256", "RSA", NULL, "SHA256" },
	[KEY_EDDSA] = { "eddsa", "EdDSA", "OKP", "Ed25519", NULL },
};

/*
 * The reason of OpenSSL's latest error, to append to a message; clears the
 * queue.  Reason strings are fixed texts, never key material.
 */
static const char *
sslreason(void)
{
	const char	*r = NULL;
	unsigned long	 e;

	if ((e = ERR_peek_last_error()) != 0)
		r = ERR_reason_error_string(e);
	ERR_clear_error();
	return r != NULL ? r : "unknown error";
}

int
key_type_parse(const char *s)
{
	int	i;

	if (s == NULL)
		return -1;
	for (i = 0; i < KEY__MAX; i++)
		if (strcasecmp(s, types[i].name) == 0)
			return i;
	return -1;
}

const char *
key_alg(enum key_type type)
{
	if ((unsigned)type >= KEY__MAX)
		return NULL;
	return types[type].alg;
}

const char *
key_type_name(enum key_type type)
{
	if ((unsigned)type >= KEY__MAX)
		return NULL;
	return types[type].name;
}

static EVP_PKEY *
generate(enum key_type type)
{
	switch (type) {
	case KEY_ES256:
		return EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	case KEY_RS256:
		return EVP_PKEY_Q_keygen(NULL, NULL, "RSA",
		    (size_t)RSA_MIN_BITS);
	case KEY_EDDSA:
		return EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	default:
		return NULL;
	}
}

int
key_generate(enum key_type type, const char *path, int force, char *err,
    size_t errlen)
{
	EVP_PKEY	*pkey = NULL;
	FILE		*fp = NULL;
	char		*tmp = NULL;
	const char	*dst = path;
	int		 fd = -1, created = 0, rc = -1, r;

	if ((unsigned)type >= KEY__MAX || path == NULL) {
		errmsg(err, errlen, "invalid key type or path");
		goto fail;
	}
	if ((pkey = generate(type)) == NULL) {
		errmsg(err, errlen, "%s key generation failed: %s",
		    types[type].alg, sslreason());
		goto fail;
	}
	/*
	 * Without force, create path exclusively.  With force, write a
	 * temporary file next to it (mkostemp: mode 0600, O_EXCL) and
	 * rename it over path, so path always holds a complete key.  Its
	 * name is never path.<digits>, which keyset.c takes for a retired
	 * key.
	 */
	if (force) {
		tmp = xasprintf("%s.tmp-XXXXXX", path);
		dst = tmp;
		fd = mkostemp(tmp, O_CLOEXEC);
	} else
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1) {
		errmsg(err, errlen, "%s: %s%s", path,
		    force ? "cannot create a temporary file next to it: " : "",
		    strerror(errno));
		goto fail;
	}
	created = 1;
	/* Exactly 0600 whatever the umask, as keys.h promises. */
	if (fchmod(fd, 0600) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		errmsg(err, errlen, "%s: %s", dst, strerror(errno));
		goto fail;
	}
	fd = -1;
	/* OpenSSL 3 writes PKCS#8 ("BEGIN PRIVATE KEY"), unencrypted. */
	if (!PEM_write_PrivateKey(fp, pkey, NULL, NULL, 0, NULL, NULL)) {
		errmsg(err, errlen, "%s: cannot write key: %s", dst,
		    sslreason());
		goto fail;
	}
	if (fflush(fp) == EOF || fsync(fileno(fp)) == -1) {
		errmsg(err, errlen, "%s: %s", dst, strerror(errno));
		goto fail;
	}
	r = fclose(fp);
	fp = NULL;
	if (r == EOF) {
		errmsg(err, errlen, "%s: %s", dst, strerror(errno));
		goto fail;
	}
	if (force && rename(tmp, path) == -1) {
		errmsg(err, errlen, "rename %s to %s: %s", tmp, path,
		    strerror(errno));
		goto fail;
	}
	created = 0;
	rc = 0;
 fail:
	if (fp != NULL)
		fclose(fp);
	if (fd != -1)
		close(fd);
	if (created)
		unlink(dst);
	free(tmp);
	EVP_PKEY_free(pkey);
	return rc;
}

/* Never prompt for a passphrase: encrypted keys are not supported. */
static int
nopass(char *buf, int size, int rwflag, void *u)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)u;
	return -1;
}

/*
 * An integer parameter of pkey as base64url: big-endian in pad bytes, or
 * without leading zero octets when pad is 0 (RFC 7518 §6.3.1).
 */
static char *
bn_param_b64url(const EVP_PKEY *pkey, const char *name, int pad)
{
	BIGNUM		*bn = NULL;
	unsigned char	*buf;
	char		*s = NULL;
	int		 n;

	if (!EVP_PKEY_get_bn_param(pkey, name, &bn))
		return NULL;
	n = pad > 0 ? pad : BN_num_bytes(bn);
	buf = xmalloc((size_t)n);
	if (BN_bn2binpad(bn, buf, n) == n)
		s = b64url_encode(buf, (size_t)n);
	free(buf);
	BN_free(bn);
	return s;
}

/*
 * The public key's JWK members as base64url strings: x and y (EC, RFC 7518
 * §6.2.1, coordinates padded to the field size), n and e (RSA, §6.3.1) or
 * x (OKP, RFC 8037 §2) with *b NULL.
 */
static int
public_members(const EVP_PKEY *pkey, enum key_type type, char **a, char **b)
{
	unsigned char	raw[32];
	size_t		len = sizeof(raw);

	*a = *b = NULL;
	switch (type) {
	case KEY_ES256:
		/*
		 * The affine coordinates, not OSSL_PKEY_PARAM_PUB_KEY: that
		 * follows the key's point format and may be compressed.
		 */
		*a = bn_param_b64url(pkey, OSSL_PKEY_PARAM_EC_PUB_X,
		    ES256_COORD);
		*b = bn_param_b64url(pkey, OSSL_PKEY_PARAM_EC_PUB_Y,
		    ES256_COORD);
		break;
	case KEY_RS256:
		*a = bn_param_b64url(pkey, OSSL_PKEY_PARAM_RSA_N, 0);
		*b = bn_param_b64url(pkey, OSSL_PKEY_PARAM_RSA_E, 0);
		break;
	case KEY_EDDSA:
		if (EVP_PKEY_get_raw_public_key(pkey, raw, &len) &&
		    len == sizeof(raw))
			*a = b64url_encode(raw, len);
		return *a != NULL ? 0 : -1;
	default:
		return -1;
	}
	return *a != NULL && *b != NULL ? 0 : -1;
}

/*
 * RFC 7638 §3: SHA-256 over the required members only, in lexicographic
 * order, without whitespace, base64url-encoded.  json-c keeps insertion
 * order and, with JSON_C_TO_STRING_PLAIN, adds no whitespace; base64url
 * values and the fixed names need no escaping (§3.3), so the text is the
 * canonical one.
 */
static char *
thumbprint(enum key_type type, const char *a, const char *b)
{
	struct json_object	*o;
	const char		*s;
	unsigned char		 md[32];
	unsigned int		 mdlen = 0;
	char			*kid = NULL;
	int			 r;

	if ((o = json_object_new_object()) == NULL)
		return NULL;
	switch (type) {
	case KEY_ES256:		/* crv, kty, x, y */
		r = jose_addstr(o, "crv", types[type].crv) |
		    jose_addstr(o, "kty", types[type].kty) |
		    jose_addstr(o, "x", a) | jose_addstr(o, "y", b);
		break;
	case KEY_RS256:		/* e, kty, n */
		r = jose_addstr(o, "e", b) |
		    jose_addstr(o, "kty", types[type].kty) |
		    jose_addstr(o, "n", a);
		break;
	case KEY_EDDSA:		/* crv, kty, x (RFC 8037 §2) */
		r = jose_addstr(o, "crv", types[type].crv) |
		    jose_addstr(o, "kty", types[type].kty) |
		    jose_addstr(o, "x", a);
		break;
	default:
		r = -1;
		break;
	}
	if (r != 0 || (s = json_object_to_json_string_ext(o, JSON_FLAGS)) ==
	    NULL)
		goto fail;
	if (!EVP_Digest(s, strlen(s), md, &mdlen, EVP_sha256(), NULL) ||
	    mdlen != sizeof(md))
		goto fail;
	kid = b64url_encode(md, mdlen);
 fail:
	json_object_put(o);
	return kid;
}

/* The public JWK (RFC 7517 §4) with alg, use "sig" and kid. */
static char *
public_jwk(enum key_type type, const char *a, const char *b,
    const char *kid)
{
	struct json_object	*o;
	const char		*s;
	char			*jwk = NULL;
	int			 r;

	if ((o = json_object_new_object()) == NULL)
		return NULL;
	r = jose_addstr(o, "kty", types[type].kty);
	if (type == KEY_RS256)
		r |= jose_addstr(o, "n", a) | jose_addstr(o, "e", b);
	else {
		r |= jose_addstr(o, "crv", types[type].crv) |
		    jose_addstr(o, "x", a);
		if (b != NULL)
			r |= jose_addstr(o, "y", b);
	}
	r |= jose_addstr(o, "alg", types[type].alg) |
	    jose_addstr(o, "use", "sig") | jose_addstr(o, "kid", kid);
	if (r == 0 && (s = json_object_to_json_string_ext(o, JSON_FLAGS)) !=
	    NULL)
		jwk = xstrdup(s);
	json_object_put(o);
	return jwk;
}

/* The key type of pkey, or -1 with a message when we do not sign with it. */
static int
classify(EVP_PKEY *pkey, const char *path, char *err, size_t errlen)
{
	char	group[64];
	int	bits;

	if (EVP_PKEY_is_a(pkey, "EC")) {
		if (!EVP_PKEY_get_group_name(pkey, group, sizeof(group),
		    NULL) || OBJ_txt2nid(group) != NID_X9_62_prime256v1) {
			errmsg(err, errlen, "%s: EC key not on P-256", path);
			return -1;
		}
		return KEY_ES256;
	}
	if (EVP_PKEY_is_a(pkey, "RSA")) {
		/* RFC 7518 §3.3: 2048 bits or more. */
		if ((bits = EVP_PKEY_get_bits(pkey)) < RSA_MIN_BITS) {
			errmsg(err, errlen, "%s: RSA key of %d bits, need %d",
			    path, bits, RSA_MIN_BITS);
			return -1;
		}
		return KEY_RS256;
	}
	if (EVP_PKEY_is_a(pkey, "ED25519"))
		return KEY_EDDSA;
	errmsg(err, errlen, "%s: unsupported key type %s", path,
	    EVP_PKEY_get0_type_name(pkey) != NULL ?
	    EVP_PKEY_get0_type_name(pkey) : "?");
	return -1;
}

/*
 * A private key that every user of the host may read (or write) is no
 * longer private (RFC 6819 §5.1.4.1.1: standard system security means
 * guard the server's secrets): refused, naming the file and its mode.
 * Group read is allowed, since the programs often run as the web
 * server's user reading through its group (0640, group www-data).
 */
static int
mode_valid(FILE *fp, const char *path, char *err, size_t errlen)
{
	struct stat	sb;

	if (fstat(fileno(fp), &sb) == -1) {
		errmsg(err, errlen, "%s: %s", path, strerror(errno));
		return 0;
	}
	if ((sb.st_mode & KEY_MODE_OTHERS) != 0) {
		errmsg(err, errlen, "%s: mode %04o gives other users access "
		    "to the private key; refused (chmod 0600, or 0640 for a "
		    "group)", path, (unsigned)(sb.st_mode & 07777));
		return 0;
	}
	return 1;
}

struct key *
key_load(const char *path, char *err, size_t errlen)
{
	struct key	*k = NULL;
	EVP_PKEY	*pkey = NULL;
	FILE		*fp;
	char		*a = NULL, *b = NULL;
	int		 type;

	if (path == NULL) {
		errmsg(err, errlen, "no key path");
		goto fail;
	}
	if ((fp = fopen(path, "re")) == NULL) {
		errmsg(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (!mode_valid(fp, path, err, errlen)) {
		fclose(fp);
		goto fail;
	}
	pkey = PEM_read_PrivateKey(fp, NULL, nopass, NULL);
	fclose(fp);
	if (pkey == NULL) {
		errmsg(err, errlen, "%s: no usable private key: %s", path,
		    sslreason());
		goto fail;
	}
	if ((type = classify(pkey, path, err, errlen)) == -1)
		goto fail;

	k = xcalloc(1, sizeof(*k));
	k->type = type;
	k->pkey = pkey;
	pkey = NULL;
	if (public_members(k->pkey, k->type, &a, &b) == -1 ||
	    (k->kid = thumbprint(k->type, a, b)) == NULL ||
	    (k->jwk = public_jwk(k->type, a, b, k->kid)) == NULL) {
		errmsg(err, errlen, "%s: cannot export the public key: %s",
		    path, sslreason());
		goto fail;
	}
	if ((k->sign_tmpl = EVP_MD_CTX_new()) == NULL ||
	    (k->verify_tmpl = EVP_MD_CTX_new()) == NULL ||
	    !EVP_DigestSignInit_ex(k->sign_tmpl, NULL, types[k->type].md,
	    NULL, NULL, k->pkey, NULL) ||
	    !EVP_DigestVerifyInit_ex(k->verify_tmpl, NULL, types[k->type].md,
	    NULL, NULL, k->pkey, NULL)) {
		errmsg(err, errlen, "%s: cannot use the key: %s", path,
		    sslreason());
		goto fail;
	}
	k->sigmax = (size_t)EVP_PKEY_get_size(k->pkey);
	if (k->sigmax == 0 ||
	    (k->type == KEY_ES256 && k->sigmax > ES256_DER_MAX)) {
		errmsg(err, errlen, "%s: unexpected signature size", path);
		goto fail;
	}
	free(a);
	free(b);
	return k;
 fail:
	free(a);
	free(b);
	EVP_PKEY_free(pkey);
	key_free(k);
	return NULL;
}

void
key_free(struct key *k)
{
	if (k == NULL)
		return;
	EVP_MD_CTX_free(k->sign_tmpl);
	EVP_MD_CTX_free(k->verify_tmpl);
	EVP_PKEY_free(k->pkey);
	free(k->kid);
	free(k->jwk);
	free(k);
}

enum key_type
key_get_type(const struct key *k)
{
	return k->type;
}

const char *
key_kid(const struct key *k)
{
	return k->kid;
}

const char *
key_public_jwk(const struct key *k)
{
	return k->jwk;
}

/* RFC 7518 §3.4: DER ECDSA-Sig-Value -> 32-byte r || 32-byte s. */
static unsigned char *
ecdsa_raw(const unsigned char *der, size_t len, size_t *siglen)
{
	ECDSA_SIG	*es;
	const BIGNUM	*r, *s;
	unsigned char	*out = NULL;

	if ((es = d2i_ECDSA_SIG(NULL, &der, (long)len)) == NULL)
		return NULL;
	ECDSA_SIG_get0(es, &r, &s);
	out = xmalloc(2 * ES256_COORD);
	if (BN_bn2binpad(r, out, ES256_COORD) != ES256_COORD ||
	    BN_bn2binpad(s, out + ES256_COORD, ES256_COORD) != ES256_COORD) {
		free(out);
		out = NULL;
	} else
		*siglen = 2 * ES256_COORD;
	ECDSA_SIG_free(es);
	return out;
}

unsigned char *
key_sign(const struct key *k, const void *data, size_t len, size_t *siglen)
{
	EVP_MD_CTX	*ctx;
	unsigned char	 der[ES256_DER_MAX], *sig = NULL;
	size_t		 n;

	if (k == NULL || (ctx = EVP_MD_CTX_new()) == NULL)
		return NULL;
	/* The copy dups the initialised signature context; no re-fetch. */
	if (!EVP_MD_CTX_copy_ex(ctx, k->sign_tmpl))
		goto fail;
	if (k->type == KEY_ES256) {
		n = sizeof(der);
		if (!EVP_DigestSign(ctx, der, &n, data, len))
			goto fail;
		sig = ecdsa_raw(der, n, siglen);
	} else {
		/* RS256: RSASSA-PKCS1-v1_5; EdDSA: pure Ed25519, one-shot. */
		n = k->sigmax;
		sig = xmalloc(n);
		if (!EVP_DigestSign(ctx, sig, &n, data, len)) {
			free(sig);
			sig = NULL;
			goto fail;
		}
		*siglen = n;
	}
 fail:
	if (sig == NULL)
		ERR_clear_error();
	EVP_MD_CTX_free(ctx);
	return sig;
}

/* RFC 7518 §3.4: 32-byte r || 32-byte s -> DER in der; its length or 0. */
static size_t
ecdsa_der(const unsigned char *raw, unsigned char der[ES256_DER_MAX])
{
	ECDSA_SIG	*es;
	BIGNUM		*r, *s;
	int		 n = 0;

	r = BN_bin2bn(raw, ES256_COORD, NULL);
	s = BN_bin2bn(raw + ES256_COORD, ES256_COORD, NULL);
	if ((es = ECDSA_SIG_new()) == NULL || r == NULL || s == NULL ||
	    !ECDSA_SIG_set0(es, r, s)) {
		BN_free(r);
		BN_free(s);
	} else if ((n = i2d_ECDSA_SIG(es, NULL)) <= 0 || n > ES256_DER_MAX ||
	    i2d_ECDSA_SIG(es, &der) != n)
		n = 0;
	ECDSA_SIG_free(es);
	return (size_t)n;
}

/*
 * Signatures have one exact size: 64 bytes for ES256 (RFC 7518 §3.4) and
 * EdDSA (RFC 8032 §5.1.6), the modulus size for RS256 (RFC 8017 §8.2.2).
 */
int
key_verify(const struct key *k, const void *data, size_t len,
    const unsigned char *sig, size_t siglen)
{
	EVP_MD_CTX		*ctx = NULL;
	unsigned char		 der[ES256_DER_MAX];
	const unsigned char	*s = sig;
	size_t			 n = siglen;
	int			 good = 0;

	if (k == NULL || sig == NULL || (data == NULL && len != 0) ||
	    siglen != (k->type == KEY_ES256 ? 2 * ES256_COORD : k->sigmax))
		return 0;
	/* cppcheck-suppress redundantInitialization ; read unless ES256 */
	if (k->type == KEY_ES256 && (n = ecdsa_der(sig, der)) > 0)
		s = der;
	/* As in key_sign: a copy of the template, which stays unchanged. */
	if (n > 0 && (ctx = EVP_MD_CTX_new()) != NULL &&
	    EVP_MD_CTX_copy_ex(ctx, k->verify_tmpl))
		good = EVP_DigestVerify(ctx, s, n, data != NULL ? data : "",
		    len) == 1;
	if (!good)
		ERR_clear_error();
	EVP_MD_CTX_free(ctx);
	return good;
}
