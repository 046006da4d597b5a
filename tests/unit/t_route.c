/*
 * Unit tests for lib/http/route.c: a route is the path of REQUEST_URI
 * before '?', byte for byte; an unknown path is the program's 404, a
 * method no route of the path takes its 405 with Allow naming the
 * methods of every route of the path (RFC 9110 §15.5.6).
 */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "http/route.h"
#include "tap.h"

/* The arena a request would give the responses. */
static struct arena	*A;

static const char *ran;	/* the handler or refusal that ran */

static void
get(void *ctx, const struct http_request *req, struct http_response *r)
{
	(void)ctx, (void)req, (void)r;
	ran = "get";
}

static void
post(void *ctx, const struct http_request *req, struct http_response *r)
{
	(void)ctx, (void)req, (void)r;
	ran = "post";
}

static void
refuse(void *ctx, const struct http_request *req, struct http_response *r,
    int status)
{
	(void)ctx, (void)req;
	r->status = status;
	ran = status == 404 ? "404" : "405";
}

static const struct route routes[] = {
	{ "/a", ROUTE_GET | ROUTE_HEAD, get },
	{ "/a", ROUTE_POST, post },
	{ "/b", ROUTE_GET, get },
	{ "/c", ROUTE_POST, post },
};

/* The value of header name ("" when absent). */
static const char *
header(const struct http_response *r, const char *name)
{
	size_t	i;

	for (i = 0; i < r->nheaders; i++)
		if (strcmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return "";
}

static void
clear(struct http_response *r)
{
	memset(r, 0, sizeof(*r));
	r->arena = A;
}

/* Dispatch method uri; ran and Allow must be as wanted. */
static void
check(const char *method, const char *uri, const char *want_ran,
    const char *want_allow)
{
	static const struct router rt = { routes, 4, refuse };
	struct http_request	 req;
	struct http_response	 r;

	memset(&req, 0, sizeof(req));
	memset(&r, 0, sizeof(r));
	r.arena = A;
	req.method = method;
	req.uri = uri;
	ran = "nothing";
	route_dispatch(&rt, NULL, &req, &r);
	ok(strcmp(ran, want_ran) == 0 &&
	    strcmp(header(&r, "Allow"), want_allow) == 0,
	    "%s %s: %s, Allow \"%s\" (got %s, \"%s\")", method, uri,
	    want_ran, want_allow, ran, header(&r, "Allow"));
	clear(&r);
}

static void
json_refusal(int status, const char *want_body)
{
	struct http_response	r;

	memset(&r, 0, sizeof(r));
	r.arena = A;
	route_refuse_json(NULL, NULL, &r, status);
	ok(r.status == status && strstr(r.body, want_body) != NULL &&
	    strcmp(header(&r, "Cache-Control"), "no-store") == 0,
	    "route_refuse_json %d: %s, Cache-Control: no-store", status,
	    want_body);
	clear(&r);
}

int
main(void)
{
	A = arena_new();
	check("GET", "/a", "get", "");
	check("HEAD", "/a", "get", "");
	check("POST", "/a", "post", "");
	check("GET", "/a?x=1&y=/b", "get", "");
	check("PUT", "/a", "405", "GET, POST");
	check("DELETE", "/c", "405", "POST");
	/* A route without HEAD: HEAD is a method like any other. */
	check("HEAD", "/b", "405", "GET");
	check("GET", "/c", "405", "POST");
	/* The path exactly: no prefix, no trailing slash, no case. */
	check("GET", "/a/", "404", "");
	check("GET", "/ab", "404", "");
	check("GET", "/A", "404", "");
	check("GET", "", "404", "");
	check("GET", "?/a", "404", "");
	check("POST", "/d", "404", "");
	ok(route_path_is("/a?q", "/a") && !route_path_is("/a#", "/a") &&
	    !route_path_is("/", "/a"), "route_path_is: the path before '?'");
	json_refusal(404, "{\"error\":\"not_found\"}");
	json_refusal(405, "\"error\":\"invalid_request\"");
	arena_release(A);
	return done_testing();
}
