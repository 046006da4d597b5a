/* The router; see route.h. */
#include <stdio.h>
#include <string.h>

#include "http/oauth_error.h"
#include "http/route.h"

static const struct {
	unsigned int	 bit;
	const char	*name;
} methods[] = {
	{ ROUTE_GET, "GET" },
	{ ROUTE_HEAD, "HEAD" },
	{ ROUTE_POST, "POST" },
};

int
route_path_is(const char *uri, const char *path)
{
	size_t	n = strcspn(uri, "?");

	return n == strlen(path) && memcmp(uri, path, n) == 0;
}

/* The ROUTE_* bit of a method, 0 for one no route takes. */
static unsigned int
method_bit(const char *m)
{
	size_t	i;

	for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (strcmp(m, methods[i].name) == 0)
			return methods[i].bit;
	return 0;
}

/*
 * Allow: the methods taken, HEAD left out where GET is in: HEAD is GET
 * without the content (RFC 9110 §9.3.2), and Allow names what a client
 * may send for the content.
 */
static void
allow(struct http_response *resp, unsigned int taken)
{
	char	v[32] = "";
	size_t	i, n = 0;

	if (taken & ROUTE_GET)
		taken &= ~ROUTE_HEAD;
	for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (taken & methods[i].bit)
			n += (size_t)snprintf(v + n, sizeof(v) - n, "%s%s",
			    n > 0 ? ", " : "", methods[i].name);
	http_resp_header(resp, "Allow", "%s", v);
}

void
route_dispatch(const struct router *rt, void *ctx,
    const struct http_request *req, struct http_response *resp)
{
	unsigned int	bit = method_bit(req->method), taken = 0;
	size_t		i;

	for (i = 0; i < rt->nroutes; i++) {
		if (!route_path_is(req->uri, rt->routes[i].path))
			continue;
		if (rt->routes[i].methods & bit) {
			rt->routes[i].handler(ctx, req, resp);
			return;
		}
		taken |= rt->routes[i].methods;
	}
	if (taken == 0) {
		rt->refuse(ctx, req, resp, 404);
		return;
	}
	rt->refuse(ctx, req, resp, 405);
	allow(resp, taken);
}

void
route_refuse_json(void *ctx, const struct http_request *req,
    struct http_response *resp, int status)
{
	static const char	body[] = "{\"error\":\"not_found\"}";

	(void)ctx;
	(void)req;
	if (status == 405) {
		oauth_error_write(resp, &OAUTH_OUTCOME(OAUTH_METHOD_NOT_ALLOWED,
		    "the method is not allowed here"));
		return;
	}
	http_resp_body(resp, 404, "application/json", body,
	    sizeof(body) - 1);
	http_resp_header(resp, "Cache-Control", "no-store");
}
