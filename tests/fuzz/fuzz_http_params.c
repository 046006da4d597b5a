/*
 * libFuzzer target for lib/http/request.c: the input's lines as the
 * "name=value" parameters of a FastCGI request, read as http.c reads
 * them.  Aborts when a result breaks request.h: each field is the last
 * value sent for its name (or its default), the body length is a number
 * of at most FORM_MAX_BODY, REMOTE_USER counts only with an AUTH_TYPE.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "http/request.h"
#include "parse/form.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAX_PARAMS	64

/* The last value of name in envp[0..n), found from the end. */
static const char *
last(char **envp, size_t n, const char *name)
{
	size_t	len = strlen(name);

	while (n-- > 0)
		if (strncmp(envp[n], name, len) == 0 && envp[n][len] == '=')
			return envp[n] + len + 1;
	return NULL;
}

static void
same(const char *got, const char *want, const char *dflt)
{
	if (want == NULL ? got != dflt : got != want)
		abort();
}

static void
check(const struct http_request *r, size_t body, char **envp, size_t n)
{
	const char	*cl, *au, *ru;
	char		*end;
	unsigned long	 v;

	same(r->method, last(envp, n, "REQUEST_METHOD"), r->method);
	if (last(envp, n, "REQUEST_METHOD") == NULL &&
	    strcmp(r->method, "GET") != 0)
		abort();
	same(r->content_type, last(envp, n, "CONTENT_TYPE"), NULL);
	same(r->authorization, last(envp, n, "HTTP_AUTHORIZATION"), NULL);
	same(r->remote_addr, last(envp, n, "REMOTE_ADDR"), NULL);
	same(r->https, last(envp, n, "HTTPS"), NULL);
	same(r->cookie, last(envp, n, "HTTP_COOKIE"), NULL);
	same(r->accept, last(envp, n, "HTTP_ACCEPT"), NULL);
	if (r->query == NULL || r->uri == NULL || r->body != NULL)
		abort();
	if (last(envp, n, "QUERY_STRING") != NULL)
		same(r->query, last(envp, n, "QUERY_STRING"), NULL);
	if (last(envp, n, "REQUEST_URI") != NULL)
		same(r->uri, last(envp, n, "REQUEST_URI"), NULL);
	au = last(envp, n, "AUTH_TYPE");
	ru = last(envp, n, "REMOTE_USER");
	/* RFC 3875 §4.1.1: a user only when the server authenticated. */
	if (r->remote_user != NULL && (au == NULL || *au == '\0' ||
	    r->remote_user != ru || *ru == '\0'))
		abort();
	if (r->remote_user == NULL && au != NULL && *au != '\0' &&
	    ru != NULL && *ru != '\0')
		abort();
	if (body > FORM_MAX_BODY || (r->body_too_large && body != 0))
		abort();
	if (body > 0) {
		cl = last(envp, n, "CONTENT_LENGTH");
		errno = 0;
		if (cl == NULL || (v = strtoul(cl, &end, 10)) != body ||
		    *end != '\0' || errno != 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct http_request	 req;
	char			*envp[MAX_PARAMS + 1];
	const uint8_t		*p = data, *nl, *end = data + size;
	size_t			 n = 0, i, body;

	while (p < end && n < MAX_PARAMS) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((envp[n++] = strndup((const char *)p,
		    (size_t)(nl - p))) == NULL)
			abort();
		p = nl + 1;
	}
	envp[n] = NULL;
	body = http_request_params(&req, http_envp_param, envp);
	check(&req, body, envp, n);
	for (i = 0; i < n; i++)
		free(envp[i]);
	return 0;
}
