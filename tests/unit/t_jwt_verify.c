/*
 * Unit tests for jwt_verify (lib/crypto/jwt.c) and key_verify (lib/crypto/keys.c):
 * tokens of every key type verify through a keyset; tampering, unsecured
 * and HMAC tokens (RFC 8725 §2.1, §3.1), algorithm, typ and crit
 * mismatches, unknown kids and malformed input are rejected with the
 * right status; node's built-in crypto signs tokens that must verify.
 *
 * node must be on PATH: without it the test fails, it does not skip.
 * Temporary files go to a mkdtemp directory under $TMPDIR or /tmp.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "base/xalloc.h"
#include "crypto/jwt.h"
#include "crypto/keys.h"
#include "crypto/keyset.h"
#include "parse/b64.h"
#include "tap.h"
#include "tmpdir.h"

#define CLAIMS	"{\"sub\":\"1\",\"iss\":\"https://x\"}"
#define TYP	"at+jwt"

/*
 * Signs with the PEM key $T_PEM a token of alg $T_ALG and kid $T_KID;
 * prints the compact JWS.  ECDSA as r||s (RFC 7518 §3.4).
 */
static const char node_sign[] =
	"const c = require('crypto'), fs = require('fs');"
	"const e = process.env, alg = e.T_ALG;"
	"const b = (x) => Buffer.from(x).toString('base64url');"
	"const key = c.createPrivateKey(fs.readFileSync(e.T_PEM));"
	"const h = b(JSON.stringify({ alg: alg, typ: 'at+jwt',"
	"    kid: e.T_KID }));"
	"const p = b(JSON.stringify({ sub: 'node', iss: 'https://x' }));"
	"const s = c.sign(alg === 'EdDSA' ? null : 'sha256',"
	"    Buffer.from(h + '.' + p),"
	"    { key: key, dsaEncoding: 'ieee-p1363' });"
	"process.stdout.write(h + '.' + p + '.' + b(s));";

static char		*tmpdir, *path;
static struct keyset	*ks;
static const struct key	*set[KEY__MAX];		/* a key of ks per type */
static struct key	*outside[KEY__MAX];	/* keys not in ks */
static const char	*names[KEY__MAX] = { "es256", "rs256", "eddsa" };

static char *
b64s(const char *s)
{
	return b64url_encode((const unsigned char *)s, strlen(s));
}

/* b64(hdr).b64(claims).b64(signature by k); no signature when k NULL. */
static char *
make_token(const struct key *k, const char *hdr, const char *claims,
    size_t claimslen)
{
	unsigned char	*sig = NULL;
	char		*h, *c, *in, *s, *tok;
	size_t		 n = 0;

	h = b64s(hdr);
	c = b64url_encode((const unsigned char *)claims, claimslen);
	in = xasprintf("%s.%s", h, c);
	if (k != NULL)
		sig = key_sign(k, in, strlen(in), &n);
	s = b64url_encode(sig != NULL ? sig : (const unsigned char *)"", n);
	tok = xasprintf("%s.%s", in, s);
	free(sig);
	free(h);
	free(c);
	free(in);
	free(s);
	return tok;
}

/* s with its first "KID" replaced by kid. */
static char *
with_kid(const char *s, const char *kid)
{
	const char	*p;

	if ((p = strstr(s, "KID")) == NULL)
		return xstrdup(s);
	return xasprintf("%.*s%s%s", (int)(p - s), s, kid, p + 3);
}

static char *
hdr3(const char *alg, const char *typ, const char *kid)
{
	return xasprintf("{\"alg\":\"%s\",\"typ\":\"%s\",\"kid\":\"%s\"}",
	    alg, typ, kid);
}

/* jwt_verify of token[0..len), checking that claims are set iff OK. */
static enum jwt_status
verify_len(const char *token, size_t len, const char *typ, char **sub)
{
	json_object	*claims = (json_object *)&claims, *v;
	enum jwt_status	 st;

	st = jwt_verify(ks, token, len, typ, &claims);
	if ((st == JWT_OK) != (claims != NULL))
		st = JWT__MAX;
	if (sub != NULL)
		*sub = claims != NULL && json_object_object_get_ex(claims,
		    "sub", &v) ? xstrdup(json_object_get_string(v)) : NULL;
	json_object_put(claims);
	return st;
}

static enum jwt_status
verify(const char *token)
{
	return verify_len(token, strlen(token), TYP, NULL);
}

/* Verify a fresh token of hdr and claims signed by k, then free it. */
static enum jwt_status
verify_made(const struct key *k, const char *hdr, const char *claims)
{
	enum jwt_status	 st;
	char		*tok;

	tok = make_token(k, hdr, claims, strlen(claims));
	st = verify(tok);
	free(tok);
	return st;
}

/* token with part idx (0-2) replaced by part. */
static char *
with_part(const char *token, int idx, const char *part)
{
	const char	*d1 = strchr(token, '.'), *d2 = strrchr(token, '.');

	if (idx == 0)
		return xasprintf("%s%s", part, d1);
	if (idx == 1)
		return xasprintf("%.*s.%s%s", (int)(d1 - token), token, part,
		    d2);
	return xasprintf("%.*s.%s", (int)(d2 - token), token, part);
}

/* token with signature byte flip (unless -1) flipped, grow bytes more. */
static char *
sig_changed(const char *token, int flip, int grow)
{
	const char	*dot = strrchr(token, '.');
	unsigned char	*sig;
	char		*s, *out;
	size_t		 n;

	sig = b64url_decode(dot + 1, strlen(dot + 1), &n);
	sig = xrealloc(sig, n + 1);
	if (flip >= 0)
		sig[flip] ^= 0x01;
	sig[n] = 0;
	s = b64url_encode(sig, grow > 0 ? n + 1 : grow < 0 ? n - 1 : n);
	out = with_part(token, 2, s);
	free(s);
	free(sig);
	return out;
}

static void
check_type(enum key_type t)
{
	const struct key	*k = set[t];
	const char		*n = names[t];
	enum key_type		 u = (t + 1) % KEY__MAX;
	char			*tok, *bad, *h, *sub = NULL;

	tok = jwt_sign(k, TYP, CLAIMS);
	ok(verify_len(tok, strlen(tok), TYP, &sub) == JWT_OK && sub != NULL &&
	    strcmp(sub, "1") == 0, "%s: jwt_sign token verifies, sub readable",
	    n);
	free(sub);
	ok(verify_len(tok, strlen(tok), "AT+JWT", NULL) == JWT_OK,
	    "%s: typ compared case-insensitively", n);
	ok(verify_len(tok, strlen(tok), "application/at+jwt", NULL) ==
	    JWT_OK, "%s: expected typ application/at+jwt matches at+jwt", n);
	h = hdr3(key_alg(t), "application/at+jwt", key_kid(k));
	ok(verify_made(k, h, CLAIMS) == JWT_OK,
	    "%s: header typ application/at+jwt accepted", n);
	free(h);
	h = hdr3(key_alg(t), "Application/AT+JWT", key_kid(k));
	ok(verify_made(k, h, CLAIMS) == JWT_OK,
	    "%s: header typ Application/AT+JWT accepted", n);
	free(h);

	bad = with_part(tok, 1, "eyJzdWIiOiIyIn0");	/* {"sub":"2"} */
	ok(verify(bad) == JWT_BAD_SIGNATURE, "%s: tampered payload", n);
	free(bad);
	bad = sig_changed(tok, 0, 0);
	ok(verify(bad) == JWT_BAD_SIGNATURE, "%s: first sig byte flipped", n);
	free(bad);
	bad = sig_changed(tok, t == KEY_RS256 ? 255 : 63, 0);
	ok(verify(bad) == JWT_BAD_SIGNATURE, "%s: last sig byte flipped", n);
	free(bad);
	bad = sig_changed(tok, -1, -1);
	ok(verify(bad) == JWT_BAD_SIGNATURE, "%s: sig one byte short", n);
	free(bad);
	bad = sig_changed(tok, -1, 1);
	ok(verify(bad) == JWT_BAD_SIGNATURE, "%s: sig one byte long", n);
	free(bad);

	h = hdr3("none", TYP, key_kid(k));
	ok(verify_made(NULL, h, CLAIMS) == JWT_BAD_HEADER,
	    "%s: alg none, empty signature: bad header", n);
	ok(verify_made(k, h, CLAIMS) == JWT_BAD_HEADER,
	    "%s: alg none, real signature: bad header", n);
	free(h);
	h = hdr3(key_alg(u), TYP, key_kid(k));
	ok(verify_made(set[u], h, CLAIMS) == JWT_BAD_HEADER,
	    "%s: alg %s on this kid: bad header", n, key_alg(u));
	free(h);
	h = hdr3(key_alg(t), TYP, key_kid(k));
	ok(verify_made(outside[t], h, CLAIMS) == JWT_BAD_SIGNATURE,
	    "%s: signed by another %s key under this kid", n, key_alg(t));
	free(h);
	bad = jwt_sign(outside[t], TYP, CLAIMS);
	ok(verify(bad) == JWT_UNKNOWN_KID, "%s: kid not in the set", n);
	free(bad);
	free(tok);
}

/* The RFC 8725 §2.1 confusion: HS256 keyed with the RSA public key. */
static void
check_hmac(void)
{
	EVP_PKEY	*pkey = NULL;
	BIO		*bio;
	FILE		*fp;
	char		*h, *in, *s, *tok, *pem = NULL;
	unsigned char	 mac[32];
	size_t		 maclen = 0;
	long		 pemlen = 0;

	if ((fp = fopen(path, "r")) != NULL) {
		pkey = PEM_read_PrivateKey(fp, NULL, NULL, NULL);
		fclose(fp);
	}
	bio = BIO_new(BIO_s_mem());
	if (pkey != NULL && bio != NULL && PEM_write_bio_PUBKEY(bio, pkey))
		pemlen = BIO_get_mem_data(bio, &pem);
	h = hdr3("HS256", TYP, key_kid(set[KEY_RS256]));
	tok = make_token(NULL, h, CLAIMS, strlen(CLAIMS));
	in = xstrndup(tok, strlen(tok) - 1);	/* without the last '.' */
	ok(pemlen > 0 && EVP_Q_mac(NULL, "HMAC", NULL, "SHA256", NULL, pem,
	    (size_t)pemlen, (unsigned char *)in, strlen(in), mac, sizeof(mac),
	    &maclen) != NULL, "HS256 token MACed with the RSA public key");
	s = b64url_encode(mac, maclen);
	free(tok);
	tok = xasprintf("%s.%s", in, s);
	ok(verify(tok) == JWT_BAD_HEADER, "HS256 with an RSA kid: bad header");
	free(tok);
	free(s);
	free(in);
	free(h);
	BIO_free(bio);
	EVP_PKEY_free(pkey);
}

static void
check_header(void)
{
	const struct key	*k = set[KEY_ES256];
	const char		*kid = key_kid(k);
	char			*h, *tok;
	size_t			 i;
	static const char	*bad[] = {
		"{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"KID\"}",
		"{\"alg\":\"ES256\",\"typ\":\"at+jwt \",\"kid\":\"KID\"}",
		"{\"alg\":\"ES256\",\"typ\":\"application/x/at+jwt\","
		    "\"kid\":\"KID\"}",
		"{\"alg\":\"ES256\",\"kid\":\"KID\"}",
		"{\"alg\":\"ES256\",\"typ\":1,\"kid\":\"KID\"}",
		"{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"KID\","
		    "\"crit\":[\"exp\"],\"exp\":1}",
		"{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"KID\","
		    "\"crit\":[]}",
		"{\"typ\":\"at+jwt\",\"kid\":\"KID\"}",
		"{\"alg\":\"es256\",\"typ\":\"at+jwt\",\"kid\":\"KID\"}",
		"{\"alg\":[\"ES256\"],\"typ\":\"at+jwt\",\"kid\":\"KID\"}",
		"{\"alg\":\"ES256\\u0000\",\"typ\":\"at+jwt\",\"kid\":\"KID\"}",
		"{\"alg\":\"ES256\",\"typ\":\"at+jwt\","
		    "\"kid\":\"KID\\u0000x\"}",
		"{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"x\":\"KID\"}",
		"{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":[\"KID\"]}",
	};

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		h = with_kid(bad[i], kid);
		ok(verify_made(k, h, CLAIMS) == JWT_BAD_HEADER,
		    "bad header: %s", bad[i]);
		free(h);
	}
	h = hdr3("ES256", TYP, "no-such-kid");
	ok(verify_made(k, h, CLAIMS) == JWT_UNKNOWN_KID, "unknown kid");
	free(h);
	h = hdr3("none", TYP, "no-such-kid");
	ok(verify_made(NULL, h, CLAIMS) == JWT_BAD_HEADER,
	    "alg none with an unknown kid: bad header");
	free(h);

	/* typ NULL: the header must have none, as jwt_sign(k, NULL, …). */
	tok = jwt_sign(k, NULL, CLAIMS);
	ok(verify_len(tok, strlen(tok), NULL, NULL) == JWT_OK,
	    "no typ expected, none given");
	ok(verify(tok) == JWT_BAD_HEADER, "typ expected, none given");
	free(tok);
	tok = jwt_sign(k, TYP, CLAIMS);
	ok(verify_len(tok, strlen(tok), NULL, NULL) == JWT_BAD_HEADER,
	    "no typ expected, one given");
	free(tok);
}

static void
check_malformed(void)
{
	const struct key	*k = set[KEY_ES256];
	char			*tok, *h, *bad, *c;
	size_t			 i, n;
	static const char	*claims[] = {
		"[]", "{} trailing", "{}{}", "\"str\"", "1", "{", "{\"a\":1,}",
		"{\"a\":'x'}", "null",
	};
	static const char	*tokens[] = {
		"", ".", "..", "...", "abc", "e30", "e30.e30", "e30.e30.AA.AA",
		"e31.e30.AA", "e30.e31.AA",
	};

	tok = jwt_sign(k, TYP, CLAIMS);
	h = hdr3("ES256", TYP, key_kid(k));
	for (i = 0; i < sizeof(claims) / sizeof(claims[0]); i++)
		ok(verify_made(k, h, claims[i]) == JWT_MALFORMED,
		    "signed payload %s: malformed", claims[i]);
	ok(verify_made(k, h, "{\"a\":\"\xff\"}") == JWT_MALFORMED,
	    "signed payload not UTF-8: malformed");
	bad = make_token(k, h, "{}\0x", 4);
	ok(verify(bad) == JWT_MALFORMED, "signed payload {} NUL x: malformed");
	free(bad);
	for (i = 0; i < sizeof(tokens) / sizeof(tokens[0]); i++)
		ok(verify(tokens[i]) == JWT_MALFORMED,
		    "token \"%s\": malformed", tokens[i]);

	n = strlen(tok);
	ok(verify_len(tok, 0, TYP, NULL) == JWT_MALFORMED, "len 0");
	ok(jwt_verify(NULL, tok, n, TYP, NULL) == JWT_MALFORMED, "no keyset");
	ok(jwt_verify(ks, tok, n, TYP, NULL) == JWT_OK, "claims pointer NULL");
	ok(verify_len(tok, strrchr(tok, '.') - tok, TYP, NULL) ==
	    JWT_MALFORMED, "two parts");
	bad = xasprintf("%s.%s", tok, strrchr(tok, '.') + 1);
	ok(verify(bad) == JWT_MALFORMED, "four parts");
	free(bad);
	bad = xasprintf("%s.", tok);
	ok(verify(bad) == JWT_MALFORMED, "empty fourth part");
	free(bad);
	for (i = 0; i < 3; i++) {
		bad = with_part(tok, (int)i, "");
		ok(verify(bad) == JWT_MALFORMED, "empty part %zu", i);
		free(bad);
	}
	for (i = 0; i < 3; i++) {
		bad = xstrdup(tok);
		c = i == 0 ? bad + 3 : strchr(i == 1 ? bad : strchr(bad, '.') +
		    1, '.') + 3;
		*c = "+/!"[i];
		ok(verify(bad) == JWT_MALFORMED, "'%c' in part %zu", *c, i);
		*c = '\0';
		ok(verify_len(bad, n, TYP, NULL) == JWT_MALFORMED,
		    "NUL in part %zu", i);
		free(bad);
	}
	bad = xasprintf("%.*s=%s", (int)(strchr(tok, '.') - tok), tok,
	    strchr(tok, '.'));
	ok(verify(bad) == JWT_MALFORMED, "'=' padding in the header");
	free(bad);
	bad = xasprintf("%s==", tok);
	ok(verify(bad) == JWT_MALFORMED, "'=' padding in the signature");
	free(bad);
	bad = with_part(tok, 0, "aGVsbG8");	/* hello */
	ok(verify(bad) == JWT_MALFORMED, "header not JSON");
	free(bad);
	bad = with_part(tok, 0, "W10");	/* [] */
	ok(verify(bad) == JWT_MALFORMED, "header an array");
	free(bad);
	free(h);
	h = xasprintf("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"%s\"} x",
	    key_kid(k));
	ok(verify_made(k, h, CLAIMS) == JWT_MALFORMED, "header trailing");
	free(h);
	free(tok);
}

/* Claims {"a":[[…[1]…]]} nested depth levels, signed by k. */
static enum jwt_status
verify_depth(const struct key *k, int depth)
{
	enum jwt_status	 st;
	char		*c, *p, *h;
	int		 i;

	c = p = xmalloc(2 * (size_t)depth + 16);
	p += sprintf(p, "{\"a\":");
	for (i = 1; i < depth; i++)
		*p++ = '[';
	*p++ = '1';
	for (i = 1; i < depth; i++)
		*p++ = ']';
	*p++ = '}';
	*p = '\0';
	h = hdr3("ES256", TYP, key_kid(k));
	st = verify_made(k, h, c);
	free(h);
	free(c);
	return st;
}

/* Characters of the unpadded base64url of n bytes. */
static size_t
b64len(size_t n)
{
	return n / 3 * 4 + (n % 3 != 0 ? n % 3 + 1 : 0);
}

/* An ES256 token of exactly len characters, or NULL. */
static char *
sized_token(const struct key *k, size_t len)
{
	char	*h = NULL, *c = NULL, *tok = NULL;
	size_t	 m, n, hl;

	for (m = 0; m < 4 && tok == NULL; m++) {
		hl = strlen("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\""
		    "\",\"x\":\"\"}") + strlen(key_kid(k)) + m;
		for (n = 0; n < len; n++)
			if (b64len(hl) + 1 + b64len(n) + 1 + 86 == len)
				break;
		if (n == len || n < 12)
			continue;
		h = xasprintf("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":"
		    "\"%s\",\"x\":\"%.*s\"}", key_kid(k), (int)m, "xxxx");
		c = xasprintf("{\"p\":\"%0*d\"}", (int)(n - 8), 0);
		tok = make_token(k, h, c, strlen(c));
		free(h);
		free(c);
	}
	return tok;
}

static void
check_limits(void)
{
	const struct key	*k = set[KEY_ES256];
	char			*tok;

	ok(verify_depth(k, 8) == JWT_OK, "claims nested 8 deep: ok");
	ok(verify_depth(k, 9) == JWT_MALFORMED, "claims nested 9 deep: "
	    "malformed");
	tok = sized_token(k, JWT_MAX_LEN);
	ok(tok != NULL && strlen(tok) == JWT_MAX_LEN && verify(tok) == JWT_OK,
	    "token of JWT_MAX_LEN bytes verifies");
	free(tok);
	tok = sized_token(k, JWT_MAX_LEN + 1);
	ok(tok != NULL && strlen(tok) == JWT_MAX_LEN + 1 &&
	    verify(tok) == JWT_MALFORMED,
	    "token of JWT_MAX_LEN + 1 bytes: malformed");
	free(tok);
}

/* The token node signs with the key in pem, or NULL. */
static char *
node_token(const char *pem, const char *alg, const char *kid)
{
	FILE	*fp;
	char	 buf[4096];
	size_t	 n = 0;

	/* Through the environment: the shell quotes nothing. */
	if (setenv("T_SCRIPT", node_sign, 1) == -1 ||
	    setenv("T_PEM", pem, 1) == -1 || setenv("T_ALG", alg, 1) == -1 ||
	    setenv("T_KID", kid, 1) == -1)
		return NULL;
	fflush(stdout);
	if ((fp = popen("node -e \"$T_SCRIPT\"", "r")) != NULL) {
		n = fread(buf, 1, sizeof(buf) - 1, fp);
		if (pclose(fp) != 0)
			n = 0;
	}
	buf[n] = '\0';
	return n > 0 ? xstrdup(buf) : NULL;
}

static void
check_node(void)
{
	char	*pem[KEY__MAX], *tok, *sub;
	int	 t;

	ok(system("command -v node >/dev/null 2>&1") == 0, "node is on PATH");
	pem[KEY_RS256] = xstrdup(path);
	pem[KEY_ES256] = xasprintf("%s.100", path);
	pem[KEY_EDDSA] = xasprintf("%s.200", path);
	for (t = 0; t < KEY__MAX; t++) {
		sub = NULL;
		tok = node_token(pem[t], key_alg(t), key_kid(set[t]));
		ok(tok != NULL && verify_len(tok, strlen(tok), TYP, &sub) ==
		    JWT_OK && sub != NULL && strcmp(sub, "node") == 0,
		    "%s: token signed by node verifies", names[t]);
		free(sub);
		free(tok);
		free(pem[t]);
	}
}

/* ks: P (RS256) with P.100 (ES256) and P.200 (EdDSA); outside keys. */
static int
setup(void)
{
	static const char	*sfx[KEY__MAX] = { ".100", "", ".200" };
	char			 err[256], *p;
	size_t			 i;
	int			 t, r = 0;

	for (t = 0; t < KEY__MAX; t++) {
		p = xasprintf("%s%s", path, sfx[t]);
		r |= key_generate(t, p, 0, err, sizeof(err));
		free(p);
		p = xasprintf("%s/outside-%s.pem", tmpdir, names[t]);
		r |= key_generate(t, p, 0, err, sizeof(err));
		if ((outside[t] = key_load(p, err, sizeof(err))) == NULL)
			r = -1;
		free(p);
	}
	if (r != 0 || (ks = keyset_load(path, err, sizeof(err))) == NULL)
		return 0;
	for (i = 0; i < keyset_count(ks); i++) {
		set[key_get_type(keyset_get(ks, i, NULL))] =
		    keyset_get(ks, i, NULL);
	}
	return keyset_count(ks) == 3 && set[0] != NULL && set[1] != NULL &&
	    set[2] != NULL;
}

int
main(void)
{
	int		 t;

	if ((tmpdir = tmpdir_make("t_jwt_verify")) == NULL)
		return 2;
	path = xasprintf("%s/signing.pem", tmpdir);
	if (ok(setup(), "keyset of three types and outside keys")) {
		for (t = 0; t < KEY__MAX; t++)
			check_type(t);
		check_hmac();
		check_header();
		check_malformed();
		check_limits();
		check_node();
	}
	keyset_free(ks);
	for (t = 0; t < KEY__MAX; t++)
		key_free(outside[t]);
	tmpdir_remove(tmpdir);
	free(path);
	free(tmpdir);
	return done_testing();
}
