/*
 * The in-process endpoint harness: an app pointed at a database of the
 * test's own (made from the template of tests/endpoint/cluster.sh), a
 * request built in memory, the endpoint called as the request loop calls
 * it, and checks on the response's status, headers and JSON, printed
 * as TAP.  Setup failures print "Bail out!" and exit.
 */
#ifndef CPASSPORT_EP_H
#define CPASSPORT_EP_H

#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "admin/admin.h"
#include "app/app.h"
#include "http/http.h"

struct ep {
	struct app		 app;
	char			 dir[256];	/* the test's temp dir */
	char			 db[64];	/* its database */
	struct http_response	 resp;		/* the last response */
	char			*body;		/* its body, NUL-terminated */
	json_object		*json;		/* its body as JSON, or NULL */
};

/* The programs, each called as its main() serves a request. */
enum ep_program {
	EP_TOKEN,	/* token.fcgi */
	EP_AUTHORIZE,	/* authorize.fcgi: authorize, request, logout */
	EP_CALLBACK,	/* callback.fcgi */
	EP_USER,	/* user.fcgi: /api/user */
	EP_REVOKE,	/* revoke.fcgi */
	EP_INTROSPECT,	/* introspect.fcgi */
	EP_DISCOVERY	/* discovery.fcgi: metadata and JWKS */
};

/* What a web server would pass; NULL fields are left unset. */
struct ep_req {
	const char	*method;	/* default "POST" */
	const char	*uri;		/* REQUEST_URI */
	const char	*query;		/* QUERY_STRING; default "" */
	const char	*content_type;	/* default: form, for a POST body */
	const char	*authorization;
	const char	*remote_addr;	/* default "127.0.0.1" */
	const char	*https;
	const char	*cookie;
	const char	*accept;
	const char	*remote_user;
	const char	*body;
};

/*
 * A database of this process's own from the template, a config with the
 * shared signing key plus extra (more "key = value" lines, or NULL), and
 * the app made from it.
 */
void		 ep_start(struct ep *, const char *extra);
/* Drops the database; prints the plan; returns the exit status. */
int		 ep_finish(struct ep *);

/*
 * Serves the request with the program as its request loop would; the
 * response stays in t->resp (and t->body, t->json) until the next call.
 * Returns the status.
 */
int		 ep_call(struct ep *, enum ep_program, const struct ep_req *);
/*
 * The same for a request the caller built (from web server parameters,
 * say); its arena is made here unless set, and released.
 */
int		 ep_serve(struct ep *, enum ep_program, struct http_request *);

/*
 * POST /oauth/token (token.fcgi) with the form body fmt… and, unless
 * NULL, the Authorization header; returns the status.
 */
int		 ep_token(struct ep *, const char *authorization,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* The last response's header (first of that name), or NULL. */
const char	*ep_header(const struct ep *, const char *name);
/*
 * The string at a dotted path of the last response's JSON ("error",
 * "a.b"); numbers and booleans as their JSON text; NULL when absent.
 */
const char	*ep_json(const struct ep *, const char *path);
/* The last response's Set-Cookie header for cookie name, or NULL. */
const char	*ep_set_cookie(const struct ep *, const char *name);
/*
 * The value of query parameter name in url (up to '&' or '#'), %xx and
 * '+' decoded, in a static buffer (cut at 2 KiB); NULL when absent.
 */
const char	*ep_url_param(const char *url, const char *name);
/* The claims of a JWT (caller puts), or NULL when it is not one. */
json_object	*ep_jwt_claims(const char *jwt);
/* A claim as ep_json() gives a value; NULL when absent. */
const char	*ep_claim(json_object *claims, const char *name);

/* "Basic " + base64(id:secret) in a static buffer. */
const char	*ep_basic(const char *id, const char *secret);

/*
 * One value of a parameterised query ($1… from the NULL-terminated
 * arguments), in a static buffer; "" for no row, NULL for SQL NULL.
 */
const char	*ep_sql(struct ep *, const char *sql, ...);

/* admin_client_create() that bails out on failure. */
void		 ep_client(struct ep *, const struct client_spec *,
		    char id[UUID_TEXT_LEN + 1],
		    char secret[SECRET_TEXT_LEN + 1]);
/* admin_user_add(); returns the id (static until the next call). */
const char	*ep_user(struct ep *, const char *email, const char *scopes,
		    const char *password);
/* admin_scope_add(). */
void		 ep_scope(struct ep *, const char *name, const char *desc);

/* "ok N - desc" or "not ok N - desc"; returns cond. */
int		 ep_ok(int cond, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* ep_ok() on a string or number, with got/want in a comment when not. */
int		 ep_is(const char *got, const char *want, const char *desc);
int		 ep_is_int(long got, long want, const char *desc);

#endif
