/* Checks shared by the form-posting endpoints; see post_form.h. */
#include <string.h>
#include <strings.h>

#include "auth/transport.h"
#include "endpoint/post_form.h"

/* "application/x-www-form-urlencoded", parameters (charset) allowed. */
static int
is_form_type(const char *ct)
{
	static const char	type[] = "application/x-www-form-urlencoded";
	size_t			n = sizeof(type) - 1;

	if (ct == NULL || strncasecmp(ct, type, n) != 0)
		return 0;
	return ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ';
}

static const char *
form_error(enum form_status fs)
{
	switch (fs) {
	case FORM_DUPLICATE:
		return "a parameter was given more than once";
	case FORM_TOO_LONG:
		return "a parameter is too long";
	case FORM_TOO_MANY:
		return "too many parameters";
	default:
		return "malformed request body";
	}
}

enum oauth_error
post_form_parse(const struct app *app, const struct http_request *req,
    const struct form_param *params, size_t n, struct form_value *values,
    const char **desc)
{
	enum form_status	fs;

	memset(values, 0, n * sizeof(*values));
	/* RFC 6749 §3.2; X-Forwarded-Proto is the client's word: ignored. */
	if (!transport_allowed(app, req)) {
		*desc = "this endpoint requires TLS";
		return OAUTH_INVALID_REQUEST;
	}
	/* RFC 9110 §15.5.14 413, §15.5.9 408: refused unread, or at the
	 * body deadline (http.h); still invalid_request (RFC 6749 §5.2). */
	if (req->body_too_large) {
		*desc = "request body too large";
		return OAUTH_BODY_TOO_LARGE;
	}
	if (req->body_timed_out) {
		*desc = "request body not received in time";
		return OAUTH_BODY_TIMEOUT;
	}
	if (req->body_truncated) {
		*desc = "request body shorter than Content-Length";
		return OAUTH_INVALID_REQUEST;
	}
	if (!is_form_type(req->content_type)) {
		*desc = "Content-Type must be application/x-www-form-urlencoded";
		return OAUTH_INVALID_REQUEST;
	}
	fs = form_parse(req->arena, req->body ? req->body : "",
	    req->body_len, params, n, values, NULL);
	if (fs != FORM_OK) {
		*desc = form_error(fs);
		return OAUTH_INVALID_REQUEST;
	}
	return OAUTH_OK;
}
