/*
 * What every form-posting endpoint (token, revoke, introspect, and the
 * posts to /oauth/authorize and /oauth/logout) checks before its own
 * work, once its route took the POST (route.h): TLS or loopback (RFC 6749
 * §3.2), a body within bounds, Content-Type
 * application/x-www-form-urlencoded, and the declared parameters parsed
 * strictly (form.h).
 */
#ifndef CPASSPORT_POST_FORM_H
#define CPASSPORT_POST_FORM_H

#include "app/app.h"
#include "http/http.h"
#include "http/oauth_error.h"
#include "parse/form.h"

/*
 * On OAUTH_OK values[0..n) hold the parameters, in the request's arena;
 * otherwise *desc says why.
 */
enum oauth_error post_form_parse(const struct app *,
		    const struct http_request *, const struct form_param *,
		    size_t n, struct form_value *values, const char **desc);

#endif
