/* Helpers of the introspection, revocation and /api/user tests. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "resource-lib.h"
#include "parse/b64.h"

const char *
rl_enc(const char *s)
{
	static char	out[3 * RL_TOKEN_MAX + 1];
	static const char hex[] = "0123456789ABCDEF";
	size_t		n = 0;

	for (; *s && n + 4 < sizeof(out); s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL)
			out[n++] = (char)c;
		else {
			out[n++] = '%';
			out[n++] = hex[c >> 4];
			out[n++] = hex[c & 15];
		}
	}
	out[n] = '\0';
	return out;
}

int
rl_eq(const char *got, const char *want, const char *what)
{
	if (got == want || (got != NULL && want != NULL &&
	    strcmp(got, want) == 0))
		return 1;
	printf("# %s: got '%s', want '%s'\n", what, got ? got : "(null)",
	    want ? want : "(null)");
	return 0;
}

static void
keep(char *dst, const char *v)
{
	snprintf(dst, RL_TOKEN_MAX, "%s", v ? v : "");
}

void
rl_login(struct ep *t, const char *id, const char *secret, const char *user,
    const char *scope, struct rl_tokens *out)
{
	char	s[512];

	snprintf(s, sizeof(s), "%s", scope ? rl_enc(scope) : "");
	if (ep_token(t, ep_basic(id, secret), "grant_type=password&"
	    "username=%s&password=pw%s%s", rl_enc(user), scope ? "&scope=" :
	    "", s) != 200) {
		printf("Bail out! password grant for %s: %d %s\n", user,
		    t->resp.status, t->body ? t->body : "");
		exit(1);
	}
	keep(out->access, ep_json(t, "access_token"));
	keep(out->refresh, ep_json(t, "refresh_token"));
}

void
rl_world(struct ep *t, struct rl_world *w)
{
	struct client_spec	 app = { .name = "App",
				    .kind = CLIENT_PASSWORD };
	struct client_spec	 rs = { .name = "Resource server",
				    .kind = CLIENT_CREDENTIALS,
				    .resource_server = 1 };
	struct client_spec	 pub = { .name = "Public app", .is_public = 1,
				    .redirects = { "https://app.example/cb" },
				    .nredirects = 1 };
	char			 unused[SECRET_TEXT_LEN + 1];

	memset(w, 0, sizeof(*w));
	ep_scope(t, "read", "read things");
	snprintf(w->ivy, sizeof(w->ivy), "%s",
	    ep_user(t, "i@example.com", "read", "pw"));
	ep_client(t, &app, w->app_id, w->app_secret);
	ep_client(t, &rs, w->rs_id, w->rs_secret);
	ep_client(t, &pub, w->pub_id, unused);
	snprintf(w->app_auth, sizeof(w->app_auth), "%s",
	    ep_basic(w->app_id, w->app_secret));
	snprintf(w->rs_auth, sizeof(w->rs_auth), "%s",
	    ep_basic(w->rs_id, w->rs_secret));
}

void
rl_ivy(struct ep *t, const struct rl_world *w, struct rl_tokens *out)
{
	rl_login(t, w->app_id, w->app_secret, "i@example.com", "read", out);
}

void
rl_ann_world(struct ep *t, struct rl_ann *a)
{
	struct client_spec	 app = { .name = "App",
				    .kind = CLIENT_PASSWORD };
	char			*id = NULL, err[256];

	memset(a, 0, sizeof(*a));
	/* "profile" is registered by the migrations (sql/005_openid.sql). */
	ep_scope(t, "other", "other things");
	if (admin_user_add(&t->app, "a@example.com", "Ann \"A\" Lee",
	    "profile,other", "pw", &id, err, sizeof(err)) == -1) {
		printf("Bail out! user: %s\n", err);
		exit(1);
	}
	snprintf(a->ann, sizeof(a->ann), "%s", id);
	free(id);
	ep_client(t, &app, a->app_id, a->app_secret);
}

const char *
rl_ann_token(struct ep *t, const struct rl_ann *a, const char *scope)
{
	static struct rl_tokens	tk;

	rl_login(t, a->app_id, a->app_secret, "a@example.com", scope, &tk);
	return tk.access;
}

int
rl_refresh(struct ep *t, const char *id, const char *secret,
    const char *refresh, struct rl_tokens *out)
{
	int	status;

	status = ep_token(t, ep_basic(id, secret),
	    "grant_type=refresh_token&refresh_token=%s", rl_enc(refresh));
	if (out != NULL) {
		keep(out->access, ep_json(t, "access_token"));
		keep(out->refresh, ep_json(t, "refresh_token"));
	}
	return status;
}

static int
post_token(struct ep *t, enum ep_program p, const char *uri,
    const char *authorization, const char *token, const char *extra)
{
	char	body[3 * RL_TOKEN_MAX + 512];

	snprintf(body, sizeof(body), "%s%s%s", token ? "token=" : "",
	    token ? rl_enc(token) : "", extra ? extra : "");
	return ep_call(t, p, &(struct ep_req){ .uri = uri,
	    .authorization = authorization, .body = body });
}

int
rl_introspect(struct ep *t, const char *authorization, const char *token,
    const char *extra)
{
	return post_token(t, EP_INTROSPECT, "/oauth/introspect",
	    authorization, token, extra);
}

int
rl_revoke(struct ep *t, const char *authorization, const char *token,
    const char *extra)
{
	return post_token(t, EP_REVOKE, "/oauth/revoke", authorization, token,
	    extra);
}

int
rl_user(struct ep *t, const char *token)
{
	char	auth[RL_TOKEN_MAX + 16];

	snprintf(auth, sizeof(auth), "Bearer %s", token);
	return ep_call(t, EP_USER, &(struct ep_req){ .method = "GET",
	    .uri = "/api/user", .authorization = auth });
}

const char *
rl_answer(struct ep *t, ...)
{
	static char	 out[2048];
	const char	*path, *v;
	size_t		 n;
	va_list		 ap;

	n = (size_t)snprintf(out, sizeof(out), "%d", t->resp.status);
	va_start(ap, t);
	while ((path = va_arg(ap, const char *)) != NULL && n < sizeof(out)) {
		if (strncmp(path, "H:", 2) == 0)
			v = ep_header(t, path + 2);
		else
			v = ep_json(t, path);
		n += (size_t)snprintf(out + n, sizeof(out) - n, ":%s",
		    v ? v : "(none)");
	}
	va_end(ap);
	return out;
}

void
rl_key(struct rl_key *k, enum key_type type)
{
	char	err[256];

	snprintf(k->dir, sizeof(k->dir), "/tmp/cpassport-key.XXXXXX");
	if (mkdtemp(k->dir) == NULL) {
		printf("Bail out! mkdtemp failed\n");
		exit(1);
	}
	snprintf(k->path, sizeof(k->path), "%s/signing.pem", k->dir);
	snprintf(k->line, sizeof(k->line), "signing_key = %s", k->path);
	if (key_generate(type, k->path, 0, err, sizeof(err)) == -1) {
		printf("Bail out! key: %s\n", err);
		exit(1);
	}
}

void
rl_key_remove(struct rl_key *k)
{
	DIR		*d;
	struct dirent	*e;
	char		 path[512];

	if ((d = opendir(k->dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "signing.pem", 11) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", k->dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(k->dir);
}

/* A member of a JWT's header, in out. */
static const char *
jwt_header(const char *jwt, const char *name, char *out, size_t outlen)
{
	const char	*dot;
	unsigned char	*raw;
	size_t		 n;
	json_object	*o;
	const char	*v;

	if (jwt == NULL || (dot = strchr(jwt, '.')) == NULL ||
	    (raw = b64url_decode(jwt, (size_t)(dot - jwt), &n)) == NULL)
		return NULL;
	o = json_tokener_parse((char *)raw);
	free(raw);
	v = ep_claim(o, name);
	snprintf(out, outlen, "%s", v ? v : "");
	json_object_put(o);
	return v ? out : NULL;
}

const char *
rl_jwt_kid(const char *jwt)
{
	static char	kid[128];

	return jwt_header(jwt, "kid", kid, sizeof(kid));
}

const char *
rl_jwt_alg(const char *jwt)
{
	static char	alg[32];

	return jwt_header(jwt, "alg", alg, sizeof(alg));
}
