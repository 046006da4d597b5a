/* Helpers of the token endpoint tests; see token-lib.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "token-lib.h"
#include "base/arena.h"
#include "http/request.h"
#include "parse/b64.h"

int
tk_call_env(struct ep *t, const char *const *envp, const char *body)
{
	struct http_request	req;

	http_request_params(&req, http_envp_param, envp);
	req.arena = arena_new();
	if (body != NULL && !req.body_too_large) {
		req.body = arena_strdup(req.arena, body);
		req.body_len = strlen(body);
	}
	return ep_serve(t, EP_TOKEN, &req);
}

int
tk_is_error(struct ep *t, const char *want, const char *desc)
{
	char	got[160];

	snprintf(got, sizeof(got), "%d:%s", t->resp.status,
	    ep_json(t, "error") ? ep_json(t, "error") : "null");
	return ep_is(got, want, desc);
}

int
tk_load_config(struct ep *t, const char *line, char *err, size_t errlen)
{
	char		 src[512], dst[512], buf[4096];
	size_t		 n;
	FILE		*in, *out;
	struct app	 app;
	int		 rc;

	snprintf(src, sizeof(src), "%s/cpassport.conf", t->dir);
	snprintf(dst, sizeof(dst), "%s/other.conf", t->dir);
	if ((in = fopen(src, "r")) == NULL || (out = fopen(dst, "w")) == NULL) {
		printf("Bail out! %s: cannot copy\n", src);
		exit(1);
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	fprintf(out, "%s\n", line);
	fclose(in);
	fclose(out);
	rc = app_init(&app, dst, 0, err, errlen);
	if (rc == 0)
		app_free(&app);
	unlink(dst);
	return rc;
}

/* s %-encoded for a form body (RFC 3986 §2.3 unreserved kept). */
static const char *
enc(const char *s, char *out, size_t outlen)
{
	static const char	hex[] = "0123456789ABCDEF";
	size_t			n = 0;

	for (; *s && n + 4 < outlen; s++) {
		if (strchr("-._~", *s) || (*s >= '0' && *s <= '9') ||
		    (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
			out[n++] = *s;
		else {
			out[n++] = '%';
			out[n++] = hex[(unsigned char)*s >> 4];
			out[n++] = hex[(unsigned char)*s & 15];
		}
	}
	out[n] = '\0';
	return out;
}

static void
keep(struct ep *t, struct tk_tokens *out)
{
	const char	*at = ep_json(t, "access_token");
	const char	*rt = ep_json(t, "refresh_token");

	if (out == NULL)
		return;
	snprintf(out->at, sizeof(out->at), "%s", at ? at : "");
	snprintf(out->rt, sizeof(out->rt), "%s", rt ? rt : "");
}

int
tk_password(struct ep *t, const char *id, const char *secret,
    const char *email, const char *password, const char *scope,
    struct tk_tokens *out)
{
	char	e[512], p[512], s[512];

	ep_token(t, ep_basic(id, secret), "grant_type=password&username=%s&"
	    "password=%s%s%s", enc(email, e, sizeof(e)),
	    enc(password, p, sizeof(p)), scope ? "&scope=" : "",
	    scope ? enc(scope, s, sizeof(s)) : "");
	keep(t, out);
	return t->resp.status;
}

int
tk_refresh(struct ep *t, const char *id, const char *secret,
    const char *rt, const char *scope, struct tk_tokens *out)
{
	char	r[512], s[512];

	ep_token(t, ep_basic(id, secret), "grant_type=refresh_token&"
	    "refresh_token=%s%s%s", enc(rt, r, sizeof(r)),
	    scope ? "&scope=" : "", scope ? enc(scope, s, sizeof(s)) : "");
	keep(t, out);
	return t->resp.status;
}

int
tk_is_answer(struct ep *t, const char *want, const char *desc)
{
	char	got[320];

	snprintf(got, sizeof(got), "%d:%s:%s", t->resp.status,
	    ep_json(t, "error") ? ep_json(t, "error") : "null",
	    ep_json(t, "error_description") ?
	    ep_json(t, "error_description") : "null");
	return ep_is(got, want, desc);
}

int
tk_is_scope(struct ep *t, const char *want, const char *desc)
{
	char	got[160];

	snprintf(got, sizeof(got), "%d:%s", t->resp.status,
	    ep_json(t, "scope") ? ep_json(t, "scope") : "null");
	return ep_is(got, want, desc);
}

const char *
tk_sha256_hex(const char *s, char out[65])
{
	unsigned char	md[32];
	unsigned int	n, i;

	EVP_Digest(s, strlen(s), md, &n, EVP_sha256(), NULL);
	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	return out;
}

int
tk_user_status(struct ep *t, const char *at)
{
	char	auth[4096];

	snprintf(auth, sizeof(auth), "Bearer %s", at ? at : "");
	return ep_call(t, EP_USER, &(struct ep_req){ .method = "GET",
	    .uri = "/api/user", .authorization = auth });
}

json_object *
tk_jwt_header(const char *jwt)
{
	const char	*dot;
	unsigned char	*raw;
	size_t		 n;
	json_object	*o;

	if (jwt == NULL || (dot = strchr(jwt, '.')) == NULL)
		return NULL;
	if ((raw = b64url_decode(jwt, (size_t)(dot - jwt), &n)) == NULL)
		return NULL;
	o = json_tokener_parse((char *)raw);
	free(raw);
	return o;
}

/* base64url without padding of a 32-byte big-endian coordinate. */
static void
coord(const BIGNUM *v, char out[64])
{
	unsigned char	bin[32];
	char		b64[48];
	int		i, n;

	BN_bn2binpad(v, bin, sizeof(bin));
	n = EVP_EncodeBlock((unsigned char *)b64, bin, sizeof(bin));
	for (i = 0; i < n && b64[i] != '='; i++)
		out[i] = b64[i] == '+' ? '-' : b64[i] == '/' ? '_' : b64[i];
	out[i] = '\0';
}

/* RFC 7638 §3.2: SHA-256 of the required members in lexical order. */
static int
thumbprint_is(EVP_PKEY *key, const char *kid)
{
	BIGNUM		*x = NULL, *y = NULL;
	char		 cx[64], cy[64], jwk[256], want[64];
	unsigned char	 md[32];
	unsigned int	 n;
	int		 ok = 0;

	if (kid == NULL ||
	    !EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_X, &x) ||
	    !EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_EC_PUB_Y, &y))
		goto out;
	coord(x, cx);
	coord(y, cy);
	snprintf(jwk, sizeof(jwk),
	    "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"%s\",\"y\":\"%s\"}",
	    cx, cy);
	EVP_Digest(jwk, strlen(jwk), md, &n, EVP_sha256(), NULL);
	BN_free(x);
	x = BN_bin2bn(md, (int)n, NULL);
	coord(x, want);
	ok = strcmp(want, kid) == 0;
out:
	BN_free(x);
	BN_free(y);
	return ok;
}

int
tk_jwt_verifies(const char *jwt, const char *path)
{
	const char	*sigp;
	unsigned char	*sig = NULL, *der = NULL;
	size_t		 siglen;
	int		 derlen, ok = 0;
	FILE		*f;
	EVP_PKEY	*key = NULL;
	EVP_MD_CTX	*md = NULL;
	ECDSA_SIG	*es = NULL;
	json_object	*h = NULL, *v;

	if (jwt == NULL || (sigp = strrchr(jwt, '.')) == NULL)
		return 0;
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	key = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	fclose(f);
	if (key == NULL || (h = tk_jwt_header(jwt)) == NULL ||
	    !json_object_object_get_ex(h, "kid", &v) ||
	    !thumbprint_is(key, json_object_get_string(v)))
		goto out;
	sig = b64url_decode(sigp + 1, strlen(sigp + 1), &siglen);
	if (sig == NULL || siglen != 64 || (es = ECDSA_SIG_new()) == NULL)
		goto out;
	/* RFC 7518 §3.4: R and S, 32 octets each. */
	ECDSA_SIG_set0(es, BN_bin2bn(sig, 32, NULL),
	    BN_bin2bn(sig + 32, 32, NULL));
	if ((derlen = i2d_ECDSA_SIG(es, &der)) <= 0)
		goto out;
	md = EVP_MD_CTX_new();
	ok = md != NULL &&
	    EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, key) == 1 &&
	    EVP_DigestVerify(md, der, (size_t)derlen,
	    (const unsigned char *)jwt, (size_t)(sigp - jwt)) == 1;
out:
	EVP_MD_CTX_free(md);
	OPENSSL_free(der);
	ECDSA_SIG_free(es);
	free(sig);
	json_object_put(h);
	EVP_PKEY_free(key);
	return ok;
}
