/*
 * Unit tests for lib/crypto/keys.c and lib/crypto/jwt.c.  For every key type: generate
 * (mode 0600, exclusive unless forced), load, check the kid against the
 * RFC 7638 thumbprint, sign a JWT and have node verify it independently
 * with tests/unit/jwt_verify.js (built-in crypto only).
 *
 * node must be on PATH: without it the test fails, it does not skip.
 * The script is found as "$srcdir/tests/unit/jwt_verify.js", where the
 * environment variable srcdir is the project's top source directory
 * (automake sets it for tests; "." when unset, i.e. run from the top).
 * Temporary files go to a mkdtemp directory under $TMPDIR or /tmp.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "base/xalloc.h"
#include "crypto/jwt.h"
#include "crypto/keys.h"
#include "parse/b64.h"
#include "tap.h"
#include "tmpdir.h"

#define CLAIMS	"{\"sub\":\"1\",\"iss\":\"https://x\"}"
#define TYP	"at+jwt"

static char	*tmpdir, *script;

static void
write_file(const char *path, const char *text)
{
	FILE	*fp;

	if ((fp = fopen(path, "w")) == NULL) {
		perror(path);
		exit(2);
	}
	fputs(text, fp);
	fclose(fp);
	chmod(path, 0600);	/* as a key file is; key_load refuses 0644 */
}

/* Single-quote s for sh -c. */
static char *
shquote(const char *s)
{
	char	*q, *p;

	q = p = xmalloc(strlen(s) * 4 + 3);
	*p++ = '\'';
	for (; *s != '\0'; s++) {
		if (*s == '\'') {
			memcpy(p, "'\\''", 4);
			p += 4;
		} else
			*p++ = *s;
	}
	*p++ = '\'';
	*p = '\0';
	return q;
}

/* Exit status of `node jwt_verify.js pem token kid [jwk]`, -1 if killed. */
static int
node_verify(const char *pem, const char *token, const char *kid,
    const char *jwk)
{
	char	*a[5], *cmd;
	int	 i, st;

	a[0] = shquote(script);
	a[1] = shquote(pem);
	a[2] = shquote(token);
	a[3] = shquote(kid);
	a[4] = shquote(jwk != NULL ? jwk : "");
	cmd = xasprintf("node %s %s %s %s %s", a[0], a[1], a[2], a[3],
	    jwk != NULL ? a[4] : "");
	fflush(stdout);
	st = system(cmd);
	free(cmd);
	for (i = 0; i < 5; i++)
		free(a[i]);
	return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int
mode_is_0600(const char *path)
{
	struct stat	sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (sb.st_mode & 07777) == 0600;
}

static int
file_starts_with(const char *path, const char *prefix)
{
	char	 buf[64] = "";
	FILE	*fp;

	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	if (fgets(buf, sizeof(buf), fp) == NULL)
		buf[0] = '\0';
	fclose(fp);
	return strncmp(buf, prefix, strlen(prefix)) == 0;
}

/* Entries in tmpdir besides . and .. */
static int
count_files(void)
{
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;

	if ((d = opendir(tmpdir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* Write the public half of the private key in path as a PEM file. */
static int
write_pubkey(const char *path, const char *pubpath)
{
	EVP_PKEY	*pkey;
	FILE		*fp;
	int		 r = 0;

	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	pkey = PEM_read_PrivateKey(fp, NULL, NULL, NULL);
	fclose(fp);
	if (pkey == NULL)
		return 0;
	if ((fp = fopen(pubpath, "w")) != NULL) {
		r = PEM_write_PUBKEY(fp, pkey);
		r = fclose(fp) == 0 && r;
	}
	EVP_PKEY_free(pkey);
	return r;
}

/*
 * RFC 7638 §3 thumbprint of a JWK text, computed here from the JWK's own
 * members (json-c parse, snprintf, SHA-256), as a check of keys.c's path.
 */
static char *
thumbprint_of(const char *jwktext)
{
	struct json_object	*o, *v;
	const char		*m[4] = { NULL, NULL, NULL, NULL };
	static const char	*names[4] = { "kty", "crv", "x", "y" };
	static const char	*rsa[2] = { "e", "n" };
	char			*canon = NULL, *kid = NULL;
	unsigned char		 md[32];
	unsigned int		 mdlen;
	int			 i;

	if ((o = json_tokener_parse(jwktext)) == NULL)
		return NULL;
	if (json_object_object_get_ex(o, "kty", &v) &&
	    strcmp(json_object_get_string(v), "RSA") == 0) {
		for (i = 0; i < 2; i++)
			if (json_object_object_get_ex(o, rsa[i], &v))
				m[i] = json_object_get_string(v);
		if (m[0] != NULL && m[1] != NULL)
			canon = xasprintf("{\"e\":\"%s\",\"kty\":\"RSA\","
			    "\"n\":\"%s\"}", m[0], m[1]);
	} else {
		for (i = 0; i < 4; i++)
			if (json_object_object_get_ex(o, names[i], &v))
				m[i] = json_object_get_string(v);
		if (m[0] != NULL && m[1] != NULL && m[2] != NULL &&
		    m[3] != NULL)
			canon = xasprintf("{\"crv\":\"%s\",\"kty\":\"%s\","
			    "\"x\":\"%s\",\"y\":\"%s\"}", m[1], m[0], m[2],
			    m[3]);
		else if (m[0] != NULL && m[1] != NULL && m[2] != NULL)
			canon = xasprintf("{\"crv\":\"%s\",\"kty\":\"%s\","
			    "\"x\":\"%s\"}", m[1], m[0], m[2]);
	}
	if (canon != NULL && EVP_Digest(canon, strlen(canon), md, &mdlen,
	    EVP_sha256(), NULL))
		kid = b64url_encode(md, mdlen);
	free(canon);
	json_object_put(o);
	return kid;
}

/* The decoded text of the idx'th dot-separated part of a compact JWS. */
static char *
jws_part(const char *jwt, int idx)
{
	const char	*p = jwt, *e;
	size_t		 n;

	while (idx-- > 0)
		if ((p = strchr(p, '.')) == NULL)
			return NULL;
		else
			p++;
	e = strchr(p, '.');
	return (char *)b64url_decode(p, e != NULL ? (size_t)(e - p) :
	    strlen(p), &n);
}

/* jwt with one bit of the signature's byte i flipped. */
static char *
flip_sig(const char *jwt, size_t i)
{
	const char	*dot = strrchr(jwt, '.');
	unsigned char	*sig;
	char		*s, *out;
	size_t		 n;

	sig = b64url_decode(dot + 1, strlen(dot + 1), &n);
	if (sig == NULL || i >= n) {
		free(sig);
		return NULL;
	}
	sig[i] ^= 0x01;
	s = b64url_encode(sig, n);
	out = xasprintf("%.*s.%s", (int)(dot - jwt), jwt, s);
	free(s);
	free(sig);
	return out;
}

/* Sign a JWT with k and have node check it, its header and the JWK. */
static void
check_jwt(const struct key *k, const char *keyfile, const char *name)
{
	char		*pub, *tokf, *jwkf, *jwt, *bad, *hdr, *want, *claims;
	char		*forged, *fc, *p;
	const char	*dot;
	unsigned char	*sig, *sig2;
	size_t		 siglen, siglen2, wantsig;

	pub = xasprintf("%s/%s.pub.pem", tmpdir, name);
	tokf = xasprintf("%s/%s.jwt", tmpdir, name);
	jwkf = xasprintf("%s/%s.jwk", tmpdir, name);
	ok(write_pubkey(keyfile, pub), "%s: public key PEM written", name);
	write_file(jwkf, key_public_jwk(k));

	wantsig = key_get_type(k) == KEY_RS256 ? 256 : 64;
	sig = key_sign(k, "abc", 3, &siglen);
	ok(sig != NULL && siglen == wantsig, "%s: key_sign gives %zu bytes",
	    name, wantsig);
	sig2 = key_sign(k, "abc", 3, &siglen2);
	if (key_get_type(k) == KEY_ES256)
		/* A fresh nonce each time: r (the first half) differs. */
		ok(sig != NULL && sig2 != NULL && siglen2 == siglen &&
		    memcmp(sig, sig2, siglen / 2) != 0,
		    "%s: two signatures of one message differ in r", name);
	else
		/* RFC 8032 and PKCS#1 v1.5 signatures are deterministic. */
		ok(sig != NULL && sig2 != NULL && siglen2 == siglen &&
		    memcmp(sig, sig2, siglen) == 0,
		    "%s: signing is deterministic", name);
	free(sig);
	free(sig2);

	jwt = jwt_sign(k, TYP, CLAIMS);
	ok(jwt != NULL, "%s: jwt_sign", name);
	if (jwt == NULL)
		jwt = xstrdup("x.y.z");
	hdr = jws_part(jwt, 0);
	want = xasprintf("{\"alg\":\"%s\",\"typ\":\"%s\",\"kid\":\"%s\"}",
	    key_alg(key_get_type(k)), TYP, key_kid(k));
	ok(hdr != NULL && strcmp(hdr, want) == 0, "%s: header is %s", name,
	    want);
	claims = jws_part(jwt, 1);
	ok(claims != NULL && strcmp(claims, CLAIMS) == 0,
	    "%s: payload is the claims as given", name);

	write_file(tokf, jwt);
	ok(node_verify(pub, tokf, key_kid(k), jwkf) == 0,
	    "%s: node verifies the JWT, kid = its thumbprint, JWK imports",
	    name);

	ok(node_verify(pub, tokf, "AAAA", NULL) == 1,
	    "%s: node rejects another expected kid", name);
	bad = xasprintf("%s", key_public_jwk(k));
	if ((p = strstr(bad, "\"kid\":\"")) != NULL)
		p[7] = p[7] == 'A' ? 'B' : 'A';
	write_file(jwkf, bad);
	ok(p != NULL && node_verify(pub, tokf, key_kid(k), jwkf) == 1,
	    "%s: node rejects a JWK with another kid", name);
	free(bad);

	bad = flip_sig(jwt, 0);
	ok(bad != NULL, "%s: signature byte flipped", name);
	write_file(tokf, bad != NULL ? bad : "");
	ok(node_verify(pub, tokf, key_kid(k), NULL) == 1,
	    "%s: node rejects the flipped signature", name);
	free(bad);
	bad = flip_sig(jwt, siglen - 1);
	write_file(tokf, bad != NULL ? bad : "");
	ok(bad != NULL && node_verify(pub, tokf, key_kid(k), NULL) == 1,
	    "%s: node rejects a flipped last signature byte", name);
	free(bad);

	/* Another payload under the original signature. */
	dot = strrchr(jwt, '.');
	fc = b64url_encode((const unsigned char *)"{\"sub\":\"2\"}", 11);
	forged = xasprintf("%.*s.%s%s", (int)strcspn(jwt, "."), jwt, fc,
	    dot != NULL ? dot : "");
	write_file(tokf, forged);
	ok(node_verify(pub, tokf, key_kid(k), NULL) == 1,
	    "%s: node rejects a changed payload", name);

	unlink(pub);
	unlink(tokf);
	unlink(jwkf);
	free(forged);
	free(fc);
	free(claims);
	free(want);
	free(hdr);
	free(jwt);
	free(pub);
	free(tokf);
	free(jwkf);
}

static void
check_type(enum key_type type, const char *name)
{
	struct key	*k;
	char		 err[256], *path, *kid1 = NULL, *tp;
	int		 nfiles;

	path = xasprintf("%s/%s.pem", tmpdir, name);

	err[0] = '\0';
	ok(key_generate(type, path, 0, err, sizeof(err)) == 0,
	    "%s: key_generate %s", name, err);
	ok(mode_is_0600(path), "%s: key file has mode 0600", name);
	ok(file_starts_with(path, "-----BEGIN PRIVATE KEY-----"),
	    "%s: key file is PKCS#8 PEM", name);
	if ((k = key_load(path, err, sizeof(err))) != NULL)
		kid1 = xstrdup(key_kid(k));
	key_free(k);

	err[0] = '\0';
	ok(key_generate(type, path, 0, err, sizeof(err)) == -1 &&
	    err[0] != '\0', "%s: second key_generate without force fails: %s",
	    name, err);
	ok(strstr(err, "BEGIN") == NULL, "%s: no key material in the error",
	    name);
	nfiles = count_files();
	ok(key_generate(type, path, 1, err, sizeof(err)) == 0,
	    "%s: key_generate with force replaces it", name);
	ok(mode_is_0600(path), "%s: replaced file has mode 0600", name);
	ok(count_files() == nfiles, "%s: no temporary file left behind",
	    name);

	err[0] = '\0';
	k = key_load(path, err, sizeof(err));
	ok(k != NULL, "%s: key_load %s", name, err);
	if (k == NULL) {
		free(kid1);
		free(path);
		return;
	}
	ok(key_get_type(k) == type, "%s: type detected", name);
	ok(strlen(key_kid(k)) == 43, "%s: kid is a base64url SHA-256: %s",
	    name, key_kid(k));
	ok(kid1 != NULL && strcmp(kid1, key_kid(k)) != 0,
	    "%s: forced generate made a new key", name);
	tp = thumbprint_of(key_public_jwk(k));
	ok(tp != NULL && strcmp(tp, key_kid(k)) == 0,
	    "%s: kid is the RFC 7638 thumbprint of the JWK", name);
	free(tp);
	ok(strstr(key_public_jwk(k), "\"d\"") == NULL &&
	    strstr(key_public_jwk(k), "\"use\":\"sig\"") != NULL,
	    "%s: JWK is public, use sig: %.60s...", name, key_public_jwk(k));

	check_jwt(k, path, name);

	key_free(k);
	unlink(path);
	free(kid1);
	free(path);
}

/* Write pkey to tmpdir/name.pem as PKCS#8 and try key_load on it. */
static struct key *
load_written(EVP_PKEY *pkey, const char *name, char *err, size_t errlen)
{
	struct key	*k;
	FILE		*fp;
	char		*path;

	path = xasprintf("%s/%s.pem", tmpdir, name);
	if ((fp = fopen(path, "w")) == NULL)
		exit(2);
	PEM_write_PrivateKey(fp, pkey, NULL, NULL, 0, NULL, NULL);
	fclose(fp);
	chmod(path, 0600);
	EVP_PKEY_free(pkey);
	err[0] = '\0';
	k = key_load(path, err, errlen);
	unlink(path);
	free(path);
	return k;
}

/* A P-256 key whose PEM stores the public point compressed. */
static EVP_PKEY *
compressed_p256(void)
{
	EVP_PKEY	*pkey;

	if ((pkey = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256")) == NULL)
		return NULL;
	if (!EVP_PKEY_set_utf8_string_param(pkey,
	    OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, "compressed")) {
		EVP_PKEY_free(pkey);
		return NULL;
	}
	return pkey;
}

/* Bytes of the encoded public point of the key in path. */
static size_t
point_len(const char *path)
{
	EVP_PKEY	*pkey;
	FILE		*fp;
	unsigned char	 buf[133];
	size_t		 n = 0;

	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	pkey = PEM_read_PrivateKey(fp, NULL, NULL, NULL);
	fclose(fp);
	if (pkey == NULL || !EVP_PKEY_get_octet_string_param(pkey,
	    OSSL_PKEY_PARAM_PUB_KEY, buf, sizeof(buf), &n))
		n = 0;
	EVP_PKEY_free(pkey);
	return n;
}

static void
check_load_errors(void)
{
	struct key	*k;
	char		 err[256], *path;

	path = xasprintf("%s/missing.pem", tmpdir);
	err[0] = '\0';
	ok(key_load(path, err, sizeof(err)) == NULL && err[0] != '\0',
	    "missing file: %s", err);
	free(path);

	path = xasprintf("%s/junk.pem", tmpdir);
	write_file(path, "-----BEGIN PRIVATE KEY-----\nnot a key\n"
	    "-----END PRIVATE KEY-----\n");
	err[0] = '\0';
	ok(key_load(path, err, sizeof(err)) == NULL && err[0] != '\0' &&
	    strstr(err, "not a key") == NULL, "junk PEM: %s", err);
	unlink(path);
	free(path);

	k = load_written(EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)1024),
	    "rsa1024", err, sizeof(err));
	ok(k == NULL && err[0] != '\0', "RSA-1024 refused: %s", err);
	key_free(k);
	k = load_written(EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-384"),
	    "p384", err, sizeof(err));
	ok(k == NULL && err[0] != '\0', "P-384 refused: %s", err);
	key_free(k);
	k = load_written(EVP_PKEY_Q_keygen(NULL, NULL, "X25519"),
	    "x25519", err, sizeof(err));
	ok(k == NULL && err[0] != '\0', "X25519 refused: %s", err);
	key_free(k);

	err[0] = '\0';
	ok(key_generate(KEY__MAX, "/nonexistent/x", 0, err, sizeof(err)) ==
	    -1 && err[0] != '\0', "bad type: %s", err);
	err[0] = '\0';
	ok(key_generate(KEY_ES256, "/nonexistent/dir/key.pem", 0, err,
	    sizeof(err)) == -1 && err[0] != '\0', "bad directory: %s", err);
	err[0] = '\0';
	ok(key_generate(KEY_ES256, "/nonexistent/dir/key.pem", 1, err,
	    sizeof(err)) == -1 && err[0] != '\0', "bad directory, force: %s",
	    err);
}

/*
 * RFC 6819 §5.1.4.1.1: a private key file that others may read is
 * refused, with a message naming the file and its mode; 0640 (the web
 * server's group) loads.
 */
static void
check_mode(void)
{
	struct key	*k;
	char		 err[256], *path, want[300];
	mode_t		 bad[] = { 0644, 0604, 0602, 0601, 0666 };
	size_t		 i;

	path = xasprintf("%s/mode.pem", tmpdir);
	if (key_generate(KEY_ES256, path, 0, err, sizeof(err)) == -1) {
		ok(0, "key-mode: key generated: %s", err);
		free(path);
		return;
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		chmod(path, bad[i]);
		err[0] = '\0';
		k = key_load(path, err, sizeof(err));
		snprintf(want, sizeof(want), "%s: mode %04o", path,
		    (unsigned)bad[i]);
		ok(k == NULL && strncmp(err, want, strlen(want)) == 0,
		    "key-mode-%04o-refused: %s", (unsigned)bad[i], err);
		key_free(k);
	}
	chmod(path, 0640);
	k = key_load(path, err, sizeof(err));
	ok(k != NULL, "key-mode-0640-allowed: group read loads");
	key_free(k);
	chmod(path, 0600);
	k = key_load(path, err, sizeof(err));
	ok(k != NULL, "key-mode-0600-allowed");
	key_free(k);
	unlink(path);
	free(path);
}

/* A P-256 key stored with a compressed point still gives a right JWK. */
static void
check_compressed(void)
{
	struct key	*k;
	EVP_PKEY	*pkey;
	FILE		*fp;
	char		 err[256], *path, *tokf, *jwkf, *pub, *jwt;

	path = xasprintf("%s/compressed.pem", tmpdir);
	pub = xasprintf("%s/compressed.pub.pem", tmpdir);
	tokf = xasprintf("%s/compressed.jwt", tmpdir);
	jwkf = xasprintf("%s/compressed.jwk", tmpdir);
	pkey = compressed_p256();
	ok(pkey != NULL, "compressed P-256 key generated");
	if (pkey == NULL)
		goto out;
	fp = fopen(path, "w");
	PEM_write_PrivateKey(fp, pkey, NULL, NULL, 0, NULL, NULL);
	fclose(fp);
	chmod(path, 0600);
	EVP_PKEY_free(pkey);
	ok(point_len(path) == 33, "its PEM holds a 33-byte compressed point");
	k = key_load(path, err, sizeof(err));
	ok(k != NULL, "compressed P-256 key loads");
	if (k == NULL)
		goto out;
	write_pubkey(path, pub);
	write_file(jwkf, key_public_jwk(k));
	jwt = jwt_sign(k, TYP, CLAIMS);
	write_file(tokf, jwt != NULL ? jwt : "");
	ok(node_verify(pub, tokf, key_kid(k), jwkf) == 0,
	    "compressed P-256: node verifies JWT, kid and JWK");
	free(jwt);
	key_free(k);
 out:
	unlink(path);
	unlink(pub);
	unlink(tokf);
	unlink(jwkf);
	free(path);
	free(pub);
	free(tokf);
	free(jwkf);
}

/*
 * OpenID Connect Core §3.1.3.6 at_hash: the example of Core A.3 (an
 * RS256 id_token's), and the SHA-512 half for EdDSA.
 */
static void
check_half_hash(void)
{
	static const char	*at = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y";
	char			*h;

	h = jwt_half_hash(KEY_RS256, at);
	ok(h != NULL && strcmp(h, "77QmUPtjPfzWtF2AnpK9RQ") == 0,
	    "jwt_half_hash: Core A.3's at_hash (SHA-256, RS256)");
	free(h);
	h = jwt_half_hash(KEY_ES256, at);
	ok(h != NULL && strcmp(h, "77QmUPtjPfzWtF2AnpK9RQ") == 0,
	    "jwt_half_hash: ES256 hashes with SHA-256 too");
	free(h);
	h = jwt_half_hash(KEY_EDDSA, at);
	ok(h != NULL && strcmp(h,
	    "q7nS86GgvvFaZkzALLWqJYaJIKw2wCDAVfCAsm5CrBM") == 0,
	    "jwt_half_hash: EdDSA, the left half of SHA-512");
	free(h);
}

int
main(void)
{
	const char	*srcdir;

	if ((srcdir = getenv("srcdir")) == NULL || *srcdir == '\0')
		srcdir = ".";
	script = xasprintf("%s/tests/unit/jwt_verify.js", srcdir);
	if ((tmpdir = tmpdir_make("t_keys_jwt")) == NULL)
		return 2;

	ok(system("command -v node >/dev/null 2>&1") == 0, "node is on PATH");
	ok(access(script, R_OK) == 0, "%s is readable", script);

	ok(key_type_parse("es256") == KEY_ES256 &&
	    key_type_parse("RS256") == KEY_RS256 &&
	    key_type_parse("EdDSA") == KEY_EDDSA, "key_type_parse");
	ok(key_type_parse("hs256") == -1 && key_type_parse("") == -1 &&
	    key_type_parse(NULL) == -1, "key_type_parse rejects others");
	ok(strcmp(key_alg(KEY_ES256), "ES256") == 0 &&
	    strcmp(key_alg(KEY_RS256), "RS256") == 0 &&
	    strcmp(key_alg(KEY_EDDSA), "EdDSA") == 0, "key_alg");

	check_half_hash();
	check_type(KEY_ES256, "es256");
	check_type(KEY_RS256, "rs256");
	check_type(KEY_EDDSA, "eddsa");
	check_compressed();
	check_load_errors();
	check_mode();

	tmpdir_remove(tmpdir);
	free(tmpdir);
	free(script);
	return done_testing();
}
