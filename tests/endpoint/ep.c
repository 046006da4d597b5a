/* The in-process endpoint harness; see ep.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <openssl/evp.h>

#include "ep.h"
#include "base/arena.h"
#include "client/callback_endpoint.h"
#include "endpoint/authorize_endpoint.h"
#include "endpoint/discovery_endpoint.h"
#include "endpoint/introspect_endpoint.h"
#include "endpoint/revoke_endpoint.h"
#include "endpoint/token_endpoint.h"
#include "endpoint/user_endpoint.h"
#include "parse/b64.h"

static int	 tap_n, tap_failed;
static char	 pghost[512], pgport[512], pgkey[512];

static void
bail(const char *fmt, ...)
{
	va_list	ap;

	printf("Bail out! ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	exit(1);
}

int
ep_ok(int cond, const char *fmt, ...)
{
	va_list	ap;

	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	return cond;
}

int
ep_is(const char *got, const char *want, const char *desc)
{
	int	same;

	same = got == want ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);
	if (!same)
		printf("# got '%s', want '%s'\n", got ? got : "(null)",
		    want ? want : "(null)");
	return ep_ok(same, "%s", desc);
}

int
ep_is_int(long got, long want, const char *desc)
{
	if (got != want)
		printf("# got %ld, want %ld\n", got, want);
	return ep_ok(got == want, "%s", desc);
}

/* The cluster of cluster.sh: $EP_CLUSTER/env, three KEY=value lines. */
static void
read_env(void)
{
	const char	*dir = getenv("EP_CLUSTER");
	char		 path[512], line[512];
	FILE		*f;

	if (dir == NULL)
		bail("EP_CLUSTER is not set (tests/endpoint/cluster.sh start)");
	snprintf(path, sizeof(path), "%s/env", dir);
	if ((f = fopen(path, "r")) == NULL)
		bail("%s: cannot read", path);
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "EP_PGHOST=", 10) == 0)
			snprintf(pghost, sizeof(pghost), "%s", line + 10);
		else if (strncmp(line, "EP_PGPORT=", 10) == 0)
			snprintf(pgport, sizeof(pgport), "%s", line + 10);
		else if (strncmp(line, "EP_KEY=", 7) == 0)
			snprintf(pgkey, sizeof(pgkey), "%s", line + 7);
	}
	fclose(f);
	if (!*pghost || !*pgport || !*pgkey)
		bail("%s: incomplete", path);
}

/* Runs one statement on the cluster's postgres database. */
static void
admin_sql(const char *sql)
{
	char		 conninfo[1600];
	PGconn		*c;
	PGresult	*r;

	snprintf(conninfo, sizeof(conninfo),
	    "host=%s port=%s dbname=postgres user=postgres", pghost, pgport);
	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK)
		bail("connect: %s", PQerrorMessage(c));
	r = PQexec(c, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		bail("%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	PQfinish(c);
}

void
ep_start(struct ep *t, const char *extra)
{
	char	 conf[512], sql[256], err[512];
	FILE	*f;

	memset(t, 0, sizeof(*t));
	read_env();
	snprintf(t->db, sizeof(t->db), "ep_%ld", (long)getpid());
	snprintf(sql, sizeof(sql), "CREATE DATABASE %s TEMPLATE "
	    "cpassport_template", t->db);
	admin_sql(sql);
	snprintf(t->dir, sizeof(t->dir), "/tmp/cpassport-ep.XXXXXX");
	if (mkdtemp(t->dir) == NULL)
		bail("mkdtemp failed");
	snprintf(conf, sizeof(conf), "%s/cpassport.conf", t->dir);
	if ((f = fopen(conf, "w")) == NULL)
		bail("%s: cannot write", conf);
	fprintf(f, "database = host=%s port=%s dbname=%s user=postgres\n"
	    "issuer = https://issuer.test\n"
	    "signing_key = %s\n"
	    "access_token_lifetime = 900\n"
	    "refresh_token_lifetime = 86400\n"
	    "bcrypt_cost = 4\n"
	    "%s\n", pghost, pgport, t->db, pgkey, extra ? extra : "");
	fclose(f);
	if (app_init(&t->app, conf, 1, err, sizeof(err)) == -1)
		bail("app_init: %s", err);
}

static void
forget_response(struct ep *t)
{
	/* The request's arena holds the response too. */
	arena_release(t->resp.arena);
	memset(&t->resp, 0, sizeof(t->resp));
	free(t->body);
	t->body = NULL;
	json_object_put(t->json);
	t->json = NULL;
}

int
ep_finish(struct ep *t)
{
	char	path[512], sql[128];

	forget_response(t);
	app_free(&t->app);
	snprintf(path, sizeof(path), "%s/cpassport.conf", t->dir);
	unlink(path);
	rmdir(t->dir);
	snprintf(sql, sizeof(sql), "DROP DATABASE %s", t->db);
	admin_sql(sql);
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

/* The router each program's main() hands to app_main(). */
static const struct router *const programs[] = {
	[EP_TOKEN] = &token_router,
	[EP_AUTHORIZE] = &authorize_router,
	[EP_CALLBACK] = &callback_router,
	[EP_USER] = &user_router,
	[EP_REVOKE] = &revoke_router,
	[EP_INTROSPECT] = &introspect_router,
	[EP_DISCOVERY] = &discovery_router,
};

int
ep_serve(struct ep *t, enum ep_program p, struct http_request *req)
{
	forget_response(t);
	if (req->arena == NULL)
		req->arena = arena_new();
	http_handle(programs[p], &t->app, req, &t->resp);
	if (t->resp.body != NULL) {
		t->body = strndup(t->resp.body, t->resp.body_len);
		t->json = json_tokener_parse(t->body);
	}
	return t->resp.status;
}

int
ep_call(struct ep *t, enum ep_program p, const struct ep_req *q)
{
	struct http_request	req;

	memset(&req, 0, sizeof(req));
	req.arena = arena_new();
	req.method = q->method ? q->method : "POST";
	req.uri = q->uri ? q->uri : "";
	req.query = q->query ? q->query : "";
	req.content_type = q->content_type;
	if (req.content_type == NULL && q->body != NULL)
		req.content_type = "application/x-www-form-urlencoded";
	req.authorization = q->authorization;
	req.remote_addr = q->remote_addr ? q->remote_addr : "127.0.0.1";
	req.https = q->https;
	req.cookie = q->cookie;
	req.accept = q->accept;
	req.remote_user = q->remote_user;
	if (q->body != NULL) {
		req.body = arena_strdup(req.arena, q->body);
		req.body_len = strlen(q->body);
	}
	return ep_serve(t, p, &req);
}

int
ep_token(struct ep *t, const char *authorization, const char *fmt, ...)
{
	char	body[8192];
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(body, sizeof(body), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(body))
		bail("ep_token: body too long");
	return ep_call(t, EP_TOKEN, &(struct ep_req){ .uri = "/oauth/token",
	    .authorization = authorization, .body = body });
}

const char *
ep_header(const struct ep *t, const char *name)
{
	size_t	i;

	for (i = 0; i < t->resp.nheaders; i++)
		if (strcasecmp(t->resp.headers[i].name, name) == 0)
			return t->resp.headers[i].value;
	return NULL;
}

static const char *
json_text(json_object *v)
{
	if (v == NULL)
		return NULL;
	if (json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	return json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN);
}

const char *
ep_json(const struct ep *t, const char *path)
{
	json_object	*v = t->json;
	char		 key[128];
	const char	*p = path, *dot;

	while (v != NULL && *p) {
		dot = strchr(p, '.');
		snprintf(key, sizeof(key), "%.*s",
		    (int)(dot ? (size_t)(dot - p) : strlen(p)), p);
		if (!json_object_is_type(v, json_type_object) ||
		    !json_object_object_get_ex(v, key, &v))
			return NULL;
		p = dot ? dot + 1 : p + strlen(p);
	}
	return json_text(v);
}

const char *
ep_set_cookie(const struct ep *t, const char *name)
{
	size_t	i, n = strlen(name);

	for (i = 0; i < t->resp.nheaders; i++)
		if (strcasecmp(t->resp.headers[i].name, "Set-Cookie") == 0 &&
		    strncmp(t->resp.headers[i].value, name, n) == 0 &&
		    t->resp.headers[i].value[n] == '=')
			return t->resp.headers[i].value;
	return NULL;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

const char *
ep_url_param(const char *url, const char *name)
{
	static char	 out[2048];
	const char	*p;
	size_t		 n = strlen(name), i = 0;

	if (url == NULL || (p = strchr(url, '?')) == NULL)
		return NULL;
	for (p++; *p && *p != '#'; p += strcspn(p, "&#"), p += *p == '&') {
		if (strncmp(p, name, n) != 0 || p[n] != '=')
			continue;
		for (p += n + 1; *p && *p != '&' && *p != '#' &&
		    i < sizeof(out) - 1; p++) {
			if (*p == '%' && hexval(p[1]) >= 0 &&
			    hexval(p[2]) >= 0) {
				out[i++] = (char)(hexval(p[1]) * 16 +
				    hexval(p[2]));
				p += 2;
			} else
				out[i++] = *p == '+' ? ' ' : *p;
		}
		out[i] = '\0';
		return out;
	}
	return NULL;
}

json_object *
ep_jwt_claims(const char *jwt)
{
	const char	*a, *b;
	unsigned char	*raw;
	size_t		 n;
	json_object	*o;

	if (jwt == NULL || (a = strchr(jwt, '.')) == NULL ||
	    (b = strchr(a + 1, '.')) == NULL)
		return NULL;
	if ((raw = b64url_decode(a + 1, (size_t)(b - a - 1), &n)) == NULL)
		return NULL;
	o = json_tokener_parse((char *)raw);
	free(raw);
	return o;
}

const char *
ep_claim(json_object *claims, const char *name)
{
	json_object	*v;

	if (claims == NULL || !json_object_object_get_ex(claims, name, &v))
		return NULL;
	return json_text(v);
}

const char *
ep_basic(const char *id, const char *secret)
{
	static char	out[1024];
	char		raw[512];
	int		n;

	n = snprintf(raw, sizeof(raw), "%s:%s", id, secret);
	if (n < 0 || (size_t)n >= sizeof(raw))
		bail("ep_basic: credentials too long");
	memcpy(out, "Basic ", 6);
	EVP_EncodeBlock((unsigned char *)out + 6, (unsigned char *)raw, n);
	return out;
}

const char *
ep_sql(struct ep *t, const char *sql, ...)
{
	static char	 value[4096];
	const char	*params[16];
	char		 conninfo[1600];
	int		 n = 0, null;
	va_list		 ap;
	PGconn		*c;
	PGresult	*r;

	va_start(ap, sql);
	while (n < 16 && (params[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	snprintf(conninfo, sizeof(conninfo),
	    "host=%s port=%s dbname=%s user=postgres", pghost, pgport, t->db);
	c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK)
		bail("connect: %s", PQerrorMessage(c));
	r = PQexecParams(c, sql, n, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK &&
	    PQresultStatus(r) != PGRES_COMMAND_OK)
		bail("%s: %s", sql, PQerrorMessage(c));
	value[0] = '\0';
	null = 0;
	if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) {
		null = PQgetisnull(r, 0, 0);
		snprintf(value, sizeof(value), "%s", PQgetvalue(r, 0, 0));
	}
	PQclear(r);
	PQfinish(c);
	return null ? NULL : value;
}

void
ep_client(struct ep *t, const struct client_spec *spec,
    char id[UUID_TEXT_LEN + 1], char secret[SECRET_TEXT_LEN + 1])
{
	char	err[256];

	if (admin_client_create(&t->app, spec, id, secret, err,
	    sizeof(err)) == -1)
		bail("client %s: %s", spec->name, err);
}

const char *
ep_user(struct ep *t, const char *email, const char *scopes,
    const char *password)
{
	static char	 id[64];
	char		*out = NULL, err[256];

	if (admin_user_add(&t->app, email, NULL, scopes, password, &out, err,
	    sizeof(err)) == -1)
		bail("user %s: %s", email, err);
	snprintf(id, sizeof(id), "%s", out);
	free(out);
	return id;
}

void
ep_scope(struct ep *t, const char *name, const char *desc)
{
	char	err[256];

	if (admin_scope_add(&t->app, name, desc, err, sizeof(err)) == -1)
		bail("scope %s: %s", name, err);
}
