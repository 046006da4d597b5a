/* A browser for the authorization endpoint tests; see authcode-lib.h. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "authcode-lib.h"
#include "parse/b64.h"

#define AC_BUFS	8
#define AC_BUFLEN	8192

/* A request or cookie the buffers cannot hold: the test is wrong. */
static void
bail(const char *what)
{
	printf("Bail out! %s\n", what);
	exit(1);
}

static char *
next_buf(void)
{
	static char	bufs[AC_BUFS][AC_BUFLEN];
	static int	i;

	i = (i + 1) % AC_BUFS;
	return bufs[i];
}

void
ac_jar_clear(struct ac_jar *j)
{
	memset(j, 0, sizeof(*j));
}

const char *
ac_cookie(const struct ac_jar *j, const char *name)
{
	int	i;

	for (i = 0; i < AC_COOKIES; i++)
		if (j->name[i][0] && strcmp(j->name[i], name) == 0)
			return j->value[i];
	return NULL;
}

/* One Set-Cookie into the jar: replaced, added, or (Max-Age=0) removed. */
static void
jar_take(struct ac_jar *j, const char *h)
{
	char	name[64], value[512];
	size_t	n = strcspn(h, "="), v;
	int	i, slot = -1;

	if (h[n] != '=')
		return;
	v = strcspn(h + n + 1, ";");
	if (n >= sizeof(name) || v >= sizeof(value))
		bail("jar: a cookie too long");
	snprintf(name, sizeof(name), "%.*s", (int)n, h);
	snprintf(value, sizeof(value), "%.*s", (int)v, h + n + 1);
	for (i = 0; i < AC_COOKIES && slot == -1; i++)
		if (strcmp(j->name[i], name) == 0)
			slot = i;
	for (i = 0; i < AC_COOKIES && slot == -1; i++)
		if (j->name[i][0] == '\0')
			slot = i;
	if (slot == -1)
		bail("jar: full");
	if (strstr(h, "Max-Age=0") != NULL || value[0] == '\0') {
		j->name[slot][0] = '\0';
		return;
	}
	snprintf(j->name[slot], sizeof(j->name[slot]), "%s", name);
	snprintf(j->value[slot], sizeof(j->value[slot]), "%s", value);
}

int
ac_send(struct ep *t, enum ep_program p, struct ac_jar *j,
    const char *method, const char *target, const char *body)
{
	char		 cookie[2048] = "", copy[4096];
	const char	*q, *origin;
	size_t		 i;
	int		 status;

	/* A copy: target may be the last response's Location. */
	if (snprintf(copy, sizeof(copy), "%s", target) >= (int)sizeof(copy))
		bail("ac_send: target too long");
	target = copy;
	/* A Location's absolute URI: its path and query are the target. */
	if ((origin = strstr(target, "://")) != NULL &&
	    origin < target + strcspn(target, "/?"))
		target = origin + 3 + strcspn(origin + 3, "/");
	q = strchr(target, '?');

	for (i = 0; j != NULL && i < AC_COOKIES; i++)
		if (j->name[i][0])
			snprintf(cookie + strlen(cookie),
			    sizeof(cookie) - strlen(cookie), "%s%s=%s",
			    cookie[0] ? "; " : "", j->name[i], j->value[i]);
	status = ep_call(t, p, &(struct ep_req){ .method = method,
	    .uri = target, .query = q ? q + 1 : "",
	    .cookie = cookie[0] ? cookie : NULL, .body = body });
	for (i = 0; j != NULL && i < t->resp.nheaders; i++)
		if (strcasecmp(t->resp.headers[i].name, "Set-Cookie") == 0)
			jar_take(j, t->resp.headers[i].value);
	return status;
}

int
ac_get(struct ep *t, struct ac_jar *j, const char *target)
{
	return ac_send(t, EP_AUTHORIZE, j, "GET", target, NULL);
}

int
ac_post(struct ep *t, struct ac_jar *j, const char *target,
    const char *fmt, ...)
{
	char	body[8192];
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(body, sizeof(body), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(body))
		bail("ac_post: body too long");
	return ac_send(t, EP_AUTHORIZE, j, "POST", target, body);
}

/* HTML's five escapes undone, in place. */
static void
unescape(char *s)
{
	static const struct { const char *from; char to; } ents[] = {
		{ "&amp;", '&' }, { "&quot;", '"' }, { "&#39;", '\'' },
		{ "&lt;", '<' }, { "&gt;", '>' },
	};
	char	*o = s;
	size_t	 i, n;

	while (*s) {
		for (i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
			n = strlen(ents[i].from);
			if (strncmp(s, ents[i].from, n) == 0)
				break;
		}
		if (i < sizeof(ents) / sizeof(ents[0])) {
			*o++ = ents[i].to;
			s += n;
		} else
			*o++ = *s++;
	}
	*o = '\0';
}

const char *
ac_field(const struct ep *t, const char *name)
{
	char		*out = next_buf(), pat[128];
	const char	*p, *e;

	out[0] = '\0';
	snprintf(pat, sizeof(pat), "name=\"%s\" value=\"", name);
	if (t->body == NULL || (p = strstr(t->body, pat)) == NULL)
		return out;
	p += strlen(pat);
	if ((e = strchr(p, '"')) == NULL || (size_t)(e - p) >= AC_BUFLEN)
		return out;
	snprintf(out, AC_BUFLEN, "%.*s", (int)(e - p), p);
	unescape(out);
	return out;
}

const char *
ac_enc(const char *s)
{
	char	*out = next_buf(), *o = out;

	if (strlen(s) * 3 >= AC_BUFLEN)
		bail("ac_enc: too long");
	for (; *s; s++) {
		if (isalnum((unsigned char)*s) || strchr("-._~", *s))
			*o++ = *s;
		else
			o += sprintf(o, "%%%02X", (unsigned char)*s);
	}
	*o = '\0';
	return out;
}

int
ac_eq(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

int
ac_has(const struct ep *t, const char *s)
{
	return t->body != NULL && strstr(t->body, s) != NULL;
}

const char *
ac_set_cookie(const struct ep *t, const char *name)
{
	return ep_set_cookie(t, name);
}

const char *
ac_loc_param(const struct ep *t, const char *name)
{
	return ep_url_param(ep_header(t, "Location"), name);
}

int
ac_login(struct ep *t, struct ac_jar *j, const char *email,
    const char *password, const char *query)
{
	char	target[4096];

	ac_jar_clear(j);
	snprintf(target, sizeof(target), "/oauth/authorize?%s", query);
	ac_get(t, j, target);
	return ac_post(t, j, "/oauth/authorize", "action=login&request=%s"
	    "&login_token=%s&email=%s&password=%s",
	    ac_enc(ac_field(t, "request")), ac_enc(ac_field(t, "login_token")),
	    ac_enc(email), ac_enc(password));
}

int
ac_consent(struct ep *t, struct ac_jar *j, const char *action)
{
	return ac_post(t, j, "/oauth/authorize", "action=%s&request=%s"
	    "&csrf_token=%s", action, ac_enc(ac_field(t, "request")),
	    ac_enc(ac_field(t, "csrf_token")));
}

const char *
ac_code(struct ep *t, struct ac_jar *j, const char *query)
{
	static char	 code[512];
	char		 target[4096];
	const char	*c;

	snprintf(target, sizeof(target), "/oauth/authorize?%s", query);
	/* 302: no consent screen (first party, or consent remembered). */
	if (ac_get(t, j, target) != 302)
		ac_consent(t, j, "approve");
	if ((c = ac_loc_param(t, "code")) == NULL)
		return NULL;
	snprintf(code, sizeof(code), "%s", c);
	return code;
}

void
ac_pkce(char verifier[44], char challenge[44])
{
	unsigned char	 raw[32], md[32];
	unsigned int	 mdlen;
	char		*v, *c;

	if (RAND_bytes(raw, sizeof(raw)) != 1 ||
	    (v = b64url_encode(raw, sizeof(raw))) == NULL)
		abort();
	EVP_Digest(v, strlen(v), md, &mdlen, EVP_sha256(), NULL);
	if ((c = b64url_encode(md, mdlen)) == NULL)
		abort();
	snprintf(verifier, 44, "%s", v);
	snprintf(challenge, 44, "%s", c);
	free(v);
	free(c);
}

int
ac_fp_get(struct ep *t, const struct ac_world *w, struct ac_jar *j,
    const char *fmt, ...)
{
	char	target[8192];
	va_list	ap;
	int	n;

	n = snprintf(target, sizeof(target), "/oauth/authorize?"
	    "response_type=code&client_id=%s", w->fp_id);
	va_start(ap, fmt);
	vsnprintf(target + n, sizeof(target) - n, fmt, ap);
	va_end(ap);
	return ac_get(t, j, target);
}

void
ac_world(struct ep *t, struct ac_world *w, const char *extra)
{
	struct client_spec	 web = { .name = "Web app", .nredirects = 2,
				    .redirects = { AC_CB,
				    "https://app.example/other?x=1" } };
	struct client_spec	 single = { .name = "Single", .nredirects = 1,
				    .redirects = { AC_CB } };
	struct client_spec	 other = { .name = "Other app", .nredirects = 1,
				    .redirects = { AC_CB } };
	struct client_spec	 pubcb = { .name = "Mobile web",
				    .is_public = 1, .nredirects = 1,
				    .redirects = { AC_CB } };
	struct client_spec	 pub = { .name = "Mobile", .is_public = 1,
				    .nredirects = 1,
				    .redirects = { "com.example.app:/cb" } };
	struct client_spec	 fp = { .name = "First party",
				    .first_party = 1, .nredirects = 1,
				    .redirects = { AC_CB } };
	char			 conf[512];

	memset(w, 0, sizeof(*w));
	snprintf(conf, sizeof(conf), "allow_plain_http = true\n"
	    "default_scope = read\n%s", extra ? extra : "");
	ep_start(t, conf);
	ep_scope(t, "read", "Read or write read things");
	ep_scope(t, "write", "Read or write write things");
	snprintf(w->alice, sizeof(w->alice), "%s",
	    ep_user(t, "alice@example.com", "read,write", "pw one"));
	snprintf(w->bob, sizeof(w->bob), "%s",
	    ep_user(t, "bob@example.com", "read", "pw two"));
	ep_client(t, &web, w->cid, w->csecret);
	ep_client(t, &single, w->single_id, w->single_secret);
	ep_client(t, &other, w->other_id, w->other_secret);
	ep_client(t, &pub, w->pub_id, w->pub_secret);
	ep_client(t, &pubcb, w->pubcb_id, w->pubcb_secret);
	ep_client(t, &fp, w->fp_id, w->fp_secret);
	snprintf(w->q, sizeof(w->q), "response_type=code&client_id=%s"
	    "&redirect_uri=%s&scope=read%%20write&state=s-123", w->cid,
	    ac_enc(AC_CB));
	snprintf(w->target, sizeof(w->target), "/oauth/authorize?%s", w->q);
}

int
ac_exchange(struct ep *t, const struct ac_world *w, const char *code,
    const char *more)
{
	return ep_token(t, ep_basic(w->cid, w->csecret),
	    "grant_type=authorization_code&code=%s&redirect_uri=%s%s",
	    ac_enc(code), ac_enc(AC_CB), more);
}

int
ac_is_error(const struct ep *t, int status, const char *error,
    const char *desc)
{
	char	got[128], want[128];

	snprintf(got, sizeof(got), "%d:%s", t->resp.status,
	    ep_json(t, "error") ? ep_json(t, "error") : "(none)");
	snprintf(want, sizeof(want), "%d:%s", status, error);
	return ep_is(got, want, desc);
}

int
ac_api_user(struct ep *t, const char *token)
{
	char	auth[8192];

	snprintf(auth, sizeof(auth), "Bearer %s", token ? token : "");
	return ep_call(t, EP_USER, &(struct ep_req){ .method = "GET",
	    .uri = "/api/user", .authorization = auth });
}

int
ac_as_other(struct ep *t, const struct ac_world *w, const char *code)
{
	return ep_token(t, ep_basic(w->other_id, w->other_secret),
	    "grant_type=authorization_code&code=%s&redirect_uri=%s",
	    ac_enc(code), ac_enc(AC_CB));
}

int
ac_as_public(struct ep *t, const struct ac_world *w, const char *code)
{
	return ep_token(t, NULL, "grant_type=authorization_code"
	    "&client_id=%s&code=%s&redirect_uri=%s"
	    "&code_verifier=0123456789012345678901234567890123456789abc",
	    w->pubcb_id, ac_enc(code), ac_enc(AC_CB));
}

const char *
ac_code_unused(struct ep *t, const char *code)
{
	return ep_sql(t, "SELECT used_at IS NULL AND NOT revoked "
	    "FROM oauth_auth_codes WHERE id = sha256(convert_to($1, 'UTF8'))",
	    code, NULL);
}

void
ac_rworld(struct ep *t, struct ac_rworld *w)
{
	static const char *const redirects[AC_RCLIENTS] = {
		"com.example.app:/oauth2redirect", "myapp://callback",
		"https://a/cb?x=1", "http://127.0.0.1/cb",
		"http://[::1]:8080/cb", "http://127.0.0.1/cb?x=1",
		"http://localhost/cb",
	};
	struct client_spec	 spec = { .name = "Redirect client",
				    .is_public = 1, .nredirects = 1 };
	char			 secret[SECRET_TEXT_LEN + 1], q[512];
	int			 i;

	memset(w, 0, sizeof(*w));
	ep_start(t, "allow_plain_http = true");
	ep_scope(t, "read", "Read things");
	ep_user(t, "alice@example.com", "read", "pw one");
	for (i = 0; i < AC_RCLIENTS; i++) {
		spec.redirects[0] = redirects[i];
		ep_client(t, &spec, w->id[i], secret);
	}
	ac_pkce(w->verifier, w->challenge);
	snprintf(q, sizeof(q), "response_type=code&client_id=%s"
	    "&code_challenge=%s&code_challenge_method=S256", w->id[AC_APP],
	    w->challenge);
	w->login_status = ac_login(t, &w->jar, "alice@example.com", "pw one",
	    q);
}

const char *
ac_rauthorize(struct ep *t, struct ac_rworld *w, enum ac_rclient c,
    const char *redirect, const char *action)
{
	static char	 loc[2048];
	char		 target[2048];
	const char	*l;

	snprintf(target, sizeof(target), "/oauth/authorize?response_type=code"
	    "&client_id=%s&redirect_uri=%s&state=s1&code_challenge=%s"
	    "&code_challenge_method=S256", w->id[c], ac_enc(redirect),
	    w->challenge);
	/* A 302 needs no consent (remembered), or is the error. */
	if (ac_get(t, &w->jar, target) != 302 && action != NULL)
		ac_consent(t, &w->jar, action);
	if ((l = ep_header(t, "Location")) == NULL)
		return NULL;
	snprintf(loc, sizeof(loc), "%s", l);
	return loc;
}

int
ac_rexchange(struct ep *t, struct ac_rworld *w, enum ac_rclient c,
    const char *redirect, const char *code)
{
	return ep_token(t, NULL, "grant_type=authorization_code&client_id=%s"
	    "&redirect_uri=%s&code=%s&code_verifier=%s", w->id[c],
	    ac_enc(redirect), ac_enc(code), w->verifier);
}

int
ac_rrefused(struct ep *t, struct ac_rworld *w, enum ac_rclient c,
    const char *redirect)
{
	return ac_rauthorize(t, w, c, redirect, NULL) == NULL &&
	    t->resp.status == 400 && ac_has(t, "not registered");
}

const char *
ac_code_of(const char *location)
{
	static char	 code[512];
	const char	*p;
	size_t		 n;

	code[0] = '\0';
	if (location == NULL || ((p = strstr(location, "?code=")) == NULL &&
	    (p = strstr(location, "&code=")) == NULL))
		return code;
	p += 6;
	n = strcspn(p, "&#");
	snprintf(code, sizeof(code), "%.*s", (int)n, p);
	return code;
}

void
ac_pworld(struct ep *t, struct ac_pworld *w)
{
	struct client_spec	 pw = { .name = "Password app",
				    .kind = CLIENT_PASSWORD };
	struct client_spec	 fp = { .name = "First party",
				    .first_party = 1, .nredirects = 1,
				    .redirects = { "https://app.example/cb" } };
	struct client_spec	 pat = { .name = "Personal Access Client",
				    .kind = CLIENT_PERSONAL };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];

	memset(w, 0, sizeof(*w));
	ep_start(t, "allow_plain_http = true");
	ep_scope(t, "read", "read things");
	snprintf(w->uid, sizeof(w->uid), "%s",
	    ep_user(t, "u@example.com", "read", "old pw"));
	ep_user(t, "o@example.com", "read", "other pw");
	ep_client(t, &pw, w->pw_id, w->pw_secret);
	ep_client(t, &fp, w->fp_id, w->fp_secret);
	ep_client(t, &pat, id, secret);
	snprintf(w->aq, sizeof(w->aq), "response_type=code&client_id=%s"
	    "&scope=read&state=s", w->fp_id);
}

int
ac_grant(struct ep *t, struct ac_pworld *w, const char *email,
    const char *password)
{
	int	status;

	status = ep_token(t, ep_basic(w->pw_id, w->pw_secret),
	    "grant_type=password&username=%s&password=%s&scope=read",
	    ac_enc(email), ac_enc(password));
	snprintf(w->at, sizeof(w->at), "%s", ep_json(t, "access_token") ?
	    ep_json(t, "access_token") : "");
	snprintf(w->rt, sizeof(w->rt), "%s", ep_json(t, "refresh_token") ?
	    ep_json(t, "refresh_token") : "");
	return status;
}

void
ac_everywhere(struct ep *t, struct ac_pworld *w, const char *password)
{
	char	 target[512], jti[UUID_TEXT_LEN + 1], err[256];
	char	*jwt = NULL;

	ac_login(t, &w->jar, "u@example.com", password, w->aq);
	snprintf(target, sizeof(target), "/oauth/authorize?%s", w->aq);
	ac_get(t, &w->jar, target);
	snprintf(w->code, sizeof(w->code), "%s",
	    ac_loc_param(t, "code") ? ac_loc_param(t, "code") : "");
	ac_grant(t, w, "u@example.com", password);
	if (admin_token_create(&t->app, w->uid, "cli", NULL, &jwt, jti, err,
	    sizeof(err)) == -1) {
		printf("Bail out! token: %s\n", err);
		exit(1);
	}
	snprintf(w->pat, sizeof(w->pat), "%s", jwt);
	free(jwt);
}

int
ac_session_alive(struct ep *t, struct ac_pworld *w)
{
	char		 target[512];
	const char	*c;

	snprintf(target, sizeof(target), "/oauth/authorize?%s", w->aq);
	return ac_get(t, &w->jar, target) == 302 &&
	    (c = ac_loc_param(t, "code")) != NULL && *c;
}

int
ac_refresh(struct ep *t, struct ac_pworld *w, const char *rt)
{
	return ep_token(t, ep_basic(w->pw_id, w->pw_secret),
	    "grant_type=refresh_token&refresh_token=%s", ac_enc(rt));
}

int
ac_exchange_fp(struct ep *t, struct ac_pworld *w, const char *code)
{
	return ep_token(t, ep_basic(w->fp_id, w->fp_secret),
	    "grant_type=authorization_code&code=%s&redirect_uri=%s",
	    ac_enc(code), ac_enc("https://app.example/cb"));
}

const char *
ac_introspect_active(struct ep *t, struct ac_pworld *w, const char *token)
{
	char	body[8192];

	snprintf(body, sizeof(body), "token=%s", ac_enc(token));
	ep_call(t, EP_INTROSPECT, &(struct ep_req){ .uri = "/oauth/introspect",
	    .authorization = ep_basic(w->pw_id, w->pw_secret), .body = body });
	return ep_json(t, "active");
}

int
ac_password(struct ep *t, const char *id, const char *secret,
    const char *email, const char *password)
{
	return ep_token(t, ep_basic(id, secret), "grant_type=password"
	    "&username=%s&password=%s", ac_enc(email), ac_enc(password));
}
