/*
 * The pure half of reading a request: the web server's parameters (CGI
 * variables, RFC 3875 §4.1) into struct http_request.  libc only, so the
 * fuzz target drives the code http.c runs.
 */
#ifndef CPASSPORT_REQUEST_H
#define CPASSPORT_REQUEST_H

#include <stddef.h>

#include "http/http.h"

/* The value of parameter name in src, or NULL when it is unset. */
typedef const char	*(*http_param_fn)(const void *src, const char *name);

/*
 * http_param_fn over a NULL-terminated "name=value" array (FastCGI's
 * envp).  A name sent more than once is the last one, as PHP-FPM takes
 * it: nginx sends both the fastcgi_param of "include fastcgi_params" and
 * one written after it for the same name, and the one after is meant to
 * override (libfcgi's FCGX_GetParam() would return the first).
 */
const char	*http_envp_param(const void *envp, const char *name);

/*
 * Fill *req, all but the body, from the parameters param finds in src;
 * the pointers point into src.  Returns the bytes of body to read
 * (CONTENT_LENGTH; 0: none), or 0 with req->body_too_large set when
 * CONTENT_LENGTH is not a number of at most FORM_MAX_BODY.
 */
size_t		 http_request_params(struct http_request *req,
		    http_param_fn param, const void *src);

#endif
