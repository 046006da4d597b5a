/*
 * The web-server side of every program: read one request (CGI variables
 * and a bounded body), hand it to a handler, write its response, release
 * the request's arena, log one line.  Works as FastCGI (libfcgi) or, when
 * stdin is not a socket, as plain CGI serving one request.
 *
 * Memory: every request has an arena (base/arena.h), made by the loop
 * before the handler runs and released -- wiped and freed -- after the
 * response is written.  What the handler and what it calls allocate for
 * the request comes from req->arena (resp->arena is the same one) and is
 * never freed one by one; what outlives the request (struct app and its
 * caches) is malloc'd, and a cache copies what it keeps out of the
 * arena.  The handler fills the response with http_resp_*(); the loop
 * writes it.
 */
#ifndef CPASSPORT_HTTP_H
#define CPASSPORT_HTTP_H

#include <stddef.h>

struct arena;

#define HTTP_MAX_HEADERS	16	/* headers of one response */
#define HTTP_BODY_TIMEOUT_MS	5000	/* for the whole body, from its start */
#define HTTP_LINGER_MS		500	/* for the peer, after an unread body */

struct http_request {
	const char	*method;	/* REQUEST_METHOD */
	const char	*content_type;	/* CONTENT_TYPE or NULL */
	const char	*authorization;	/* HTTP_AUTHORIZATION or NULL */
	const char	*remote_addr;	/* REMOTE_ADDR or NULL */
	const char	*https;		/* HTTPS ("on") or NULL */
	const char	*query;		/* QUERY_STRING or "" */
	const char	*uri;		/* REQUEST_URI or "" */
	const char	*cookie;	/* HTTP_COOKIE or NULL */
	const char	*accept;	/* HTTP_ACCEPT or NULL */
	const char	*remote_user;	/* http_remote_user() or NULL */
	struct arena	*arena;		/* the request's memory; see above */
	char		*body;		/* NUL-terminated, in the arena;
					 * NULL when none */
	size_t		 body_len;
	int		 body_too_large;/* over FORM_MAX_BODY: not read */
	int		 body_truncated;/* shorter than CONTENT_LENGTH */
	int		 body_timed_out;/* not all in by HTTP_BODY_TIMEOUT_MS */
};

struct http_header {
	const char	*name;		/* a constant */
	char		*value;		/* in the arena */
};

struct http_response {
	struct arena		*arena;		/* the request's */
	int			 status;
	const char		*content_type;	/* a constant */
	char			*body;		/* in the arena */
	size_t			 body_len;
	struct http_header	 headers[HTTP_MAX_HEADERS];
	size_t			 nheaders;
	char			 log_client[64];/* client id for the log */
};

typedef void	(*http_handler)(void *ctx, const struct http_request *,
		    struct http_response *);

/* Add a header; the value is formatted into the arena. */
void	http_resp_header(struct http_response *, const char *name,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Set status, type and body (copied into the arena). */
void	http_resp_body(struct http_response *, int status,
	    const char *content_type, const char *body, size_t len);

struct router;

/*
 * One request through the router as the loop serves it: a fresh
 * response, 500 until a handler sets another; the in-process tests call
 * it as the loop does, with req->arena made, and release that arena once
 * the response is written.
 */
void	http_handle(const struct router *, void *ctx,
	    const struct http_request *, struct http_response *);

/*
 * REMOTE_USER as the user the web server authenticated, or NULL unless
 * AUTH_TYPE is non-empty (RFC 3875 §4.1.1, §4.1.11).  REMOTE_USER alone
 * proves nothing: nginx's stock fastcgi_params passes $remote_user, which
 * nginx decodes from the client's own Authorization: Basic header whether
 * or not auth_basic ran, and no AUTH_TYPE.
 */
const char	*http_remote_user(const char *remote_user, const char *auth_type);

/* 1 when the request came over TLS or from a loopback address. */
int	http_is_tls_or_loopback(const struct http_request *);

/*
 * Serve requests, each through the router (route.h), until SIGTERM,
 * SIGINT or SIGUSR1 (the request in hand is finished first), or until
 * max_requests were served (0: no limit; the web server starts a fresh
 * process), or after one request as CGI.  Returns the process exit
 * status.
 */
int	http_serve(const struct router *, void *ctx, long max_requests);

#endif
