/* The OpenID Connect tests' world; see oidc-lib.h. */
#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "parse/b64.h"

#include "oidc-lib.h"

void
oidc_world(struct ep *t, struct oidc_world *w, const char *extra)
{
	struct client_spec	 web = { .name = "Web app", .nredirects = 1,
				    .redirects = { AC_CB } };
	struct client_spec	 nonce = { .name = "Nonce app",
				    .first_party = 1, .require_nonce = 1,
				    .nredirects = 1, .redirects = { AC_CB } };
	char			 conf[512];

	memset(w, 0, sizeof(*w));
	snprintf(conf, sizeof(conf), "allow_plain_http = true\n"
	    "default_scope = read\n%s", extra ? extra : "");
	ep_start(t, conf);
	ep_scope(t, "read", "Read things");
	snprintf(w->alice, sizeof(w->alice), "%s", ep_user(t,
	    "alice@example.com", "openid,profile,email,read", "pw one"));
	ep_client(t, &web, w->cid, w->csecret);
	ep_client(t, &nonce, w->nid, w->nsecret);
	ac_login(t, &w->jar, "alice@example.com", "pw one",
	    oidc_query(w->cid, "openid", ""));
}

const char *
oidc_query(const char *client_id, const char *scope, const char *more)
{
	static char	q[4][2048];
	static int	i;

	i = (i + 1) % 4;
	snprintf(q[i], sizeof(q[i]), "response_type=code&client_id=%s"
	    "&redirect_uri=%s&scope=%s&state=s-1%s", client_id, ac_enc(AC_CB),
	    ac_enc(scope), more);
	return q[i];
}

int
oidc_exchange(struct ep *t, const char *id, const char *secret,
    const char *code)
{
	return ep_token(t, ep_basic(id, secret),
	    "grant_type=authorization_code&code=%s&redirect_uri=%s",
	    ac_enc(code), ac_enc(AC_CB));
}

int
oidc_tokens(struct ep *t, struct oidc_world *w, const char *scope,
    const char *more, char at[OIDC_TOKEN_MAX], char idt[OIDC_TOKEN_MAX])
{
	const char	*code, *v;
	int		 status;

	at[0] = idt[0] = '\0';
	code = ac_code(t, &w->jar, oidc_query(w->cid, scope, more));
	status = oidc_exchange(t, w->cid, w->csecret, code ? code : "none");
	if ((v = ep_json(t, "access_token")) != NULL)
		snprintf(at, OIDC_TOKEN_MAX, "%s", v);
	if ((v = ep_json(t, "id_token")) != NULL)
		snprintf(idt, OIDC_TOKEN_MAX, "%s", v);
	return status;
}

json_object *
oidc_jwt_header(const char *jwt)
{
	const char	*a;
	unsigned char	*raw;
	size_t		 n;
	json_object	*o;

	if (jwt == NULL || (a = strchr(jwt, '.')) == NULL)
		return NULL;
	if ((raw = b64url_decode(jwt, (size_t)(a - jwt), &n)) == NULL)
		return NULL;
	o = json_tokener_parse((char *)raw);
	free(raw);
	return o;
}

const char *
oidc_at_hash(const char *at, int sha512)
{
	static char	 out[128];
	unsigned char	 md[EVP_MAX_MD_SIZE];
	unsigned int	 n;
	char		*b;

	EVP_Digest(at, strlen(at), md, &n, sha512 ? EVP_sha512() :
	    EVP_sha256(), NULL);
	if ((b = b64url_encode(md, n / 2)) == NULL)
		return "";
	snprintf(out, sizeof(out), "%s", b);
	free(b);
	return out;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char *
oidc_members(json_object *o)
{
	static char	 out[1024];
	const char	*names[64];
	size_t		 n = 0, i, len;

	out[0] = '\0';
	if (o == NULL || !json_object_is_type(o, json_type_object))
		return out;
	json_object_object_foreach(o, k, v) {
		(void)v;
		if (n < 64)
			names[n++] = k;
	}
	qsort(names, n, sizeof(names[0]), by_name);
	for (i = 0; i < n; i++) {
		len = strlen(out);
		snprintf(out + len, sizeof(out) - len, "%s%s", i ? " " : "",
		    names[i]);
	}
	return out;
}

/* s into dir/name; 0 or -1. */
static int
put_file(const char *dir, const char *name, const char *s, char *path,
    size_t size)
{
	FILE	*f;

	snprintf(path, size, "%s/%s", dir, name);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fputs(s, f);
	return fclose(f) == 0 ? 0 : -1;
}

int
oidc_jwks_verifies(struct ep *t, const char *jwt, const char *typ)
{
	char		 jwks[320], tok[320], cmd[1400];
	const char	*src = getenv("srcdir");
	int		 st;

	ep_call(t, EP_DISCOVERY, &(struct ep_req){ .method = "GET",
	    .uri = "/.well-known/jwks.json" });
	if (t->resp.status != 200 || put_file(t->dir, "jwks.json", t->body,
	    jwks, sizeof(jwks)) == -1 || put_file(t->dir, "t.jwt", jwt, tok,
	    sizeof(tok)) == -1)
		return 0;
	/* Paths of ours and a typ of the test's: nothing the shell reads. */
	snprintf(cmd, sizeof(cmd), "node '%s/tests/endpoint/jwks_verify.js' "
	    "'%s' '%s' '%s' >&2", src && *src ? src : ".", jwks, tok, typ);
	fflush(stdout);
	st = system(cmd);
	unlink(jwks);
	unlink(tok);
	return st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}
