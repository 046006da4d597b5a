/* The request's parameters into struct http_request; see request.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "http/request.h"
#include "parse/form.h"

const char *
http_envp_param(const void *envp, const char *name)
{
	const char *const	*p;
	const char		*v = NULL;
	size_t			 n = strlen(name);

	for (p = envp; p != NULL && *p != NULL; p++)
		if (strncmp(*p, name, n) == 0 && (*p)[n] == '=')
			v = *p + n + 1;
	return v;
}

const char *
http_remote_user(const char *remote_user, const char *auth_type)
{
	/* RFC 3875 §4.1.1: no AUTH_TYPE, no authentication by the server. */
	if (auth_type == NULL || *auth_type == '\0' || remote_user == NULL ||
	    *remote_user == '\0')
		return NULL;
	return remote_user;
}

size_t
http_request_params(struct http_request *req, http_param_fn param,
    const void *src)
{
	const char	*cl;
	char		*end;
	unsigned long	 n = 0;

	memset(req, 0, sizeof(*req));
	req->method = param(src, "REQUEST_METHOD");
	if (req->method == NULL)
		req->method = "GET";
	req->content_type = param(src, "CONTENT_TYPE");
	req->authorization = param(src, "HTTP_AUTHORIZATION");
	req->remote_addr = param(src, "REMOTE_ADDR");
	req->https = param(src, "HTTPS");
	req->query = param(src, "QUERY_STRING");
	if (req->query == NULL)
		req->query = "";
	if ((req->uri = param(src, "REQUEST_URI")) == NULL)
		req->uri = "";
	req->cookie = param(src, "HTTP_COOKIE");
	req->accept = param(src, "HTTP_ACCEPT");
	req->remote_user = http_remote_user(param(src, "REMOTE_USER"),
	    param(src, "AUTH_TYPE"));

	if ((cl = param(src, "CONTENT_LENGTH")) != NULL && *cl != '\0') {
		errno = 0;
		n = strtoul(cl, &end, 10);
		if (errno || *end != '\0' || *cl == '-' || n > FORM_MAX_BODY) {
			req->body_too_large = 1;
			return 0;
		}
	}
	return n;
}
