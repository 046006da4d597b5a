/*
 * One front per program: a table of routes (path, methods, handler) and
 * one router that picks the route.  A path is matched against the path
 * of REQUEST_URI (before any '?'), byte for byte: the web server passes
 * the URL the client asked for, whatever it rewrote or aliased.  A path
 * no route has is 404; a method no route of the path takes is 405 with
 * Allow (RFC 9110 §15.5.6).  Both are written by the program's refuse
 * function, so that each answers in its own kind (JSON or HTML).
 */
#ifndef CPASSPORT_ROUTE_H
#define CPASSPORT_ROUTE_H

#include <stddef.h>

#include "http/http.h"

/* Methods a route takes, as bits. */
#define ROUTE_GET	0x1u
#define ROUTE_HEAD	0x2u
#define ROUTE_POST	0x4u

struct route {
	const char	*path;		/* e.g. "/oauth/token" */
	unsigned int	 methods;	/* ROUTE_* */
	http_handler	 handler;
};

/*
 * Write the 404 (no route) or 405 (status) answer; the router adds Allow
 * to a 405 afterwards.  req->uri is the path asked for.
 */
typedef void	(*route_refuse)(void *ctx, const struct http_request *,
		    struct http_response *, int status);

struct router {
	const struct route	*routes;
	size_t			 nroutes;
	route_refuse		 refuse;
};

/* Run the route of req's path and method, or refuse. */
void	route_dispatch(const struct router *, void *ctx,
	    const struct http_request *, struct http_response *);

/* 1 when the path of uri (before '?') is exactly path. */
int	route_path_is(const char *uri, const char *path);

/*
 * The refusal of the JSON programs: 404 {"error":"not_found"} and 405
 * invalid_request (oauth_error.h), both with Cache-Control: no-store.
 */
void	route_refuse_json(void *ctx, const struct http_request *,
	    struct http_response *, int status);

#endif
