/* POST /oauth/token; see token_endpoint.h. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "client_auth.h"
#include "grant.h"
#include "grant_password.h"
#include "oauth_error.h"
#include "password.h"
#include "scope.h"
#include "token_endpoint.h"
#include "token_params.h"

static const struct form_param params[TP__MAX] = {
	[TP_GRANT_TYPE] = { "grant_type", 64 },
	[TP_CLIENT_ID] = { "client_id", 128 },
	[TP_CLIENT_SECRET] = { "client_secret", 256 },
	[TP_USERNAME] = { "username", 254 },
	[TP_PASSWORD] = { "password", PASSWORD_MAX },
	[TP_SCOPE] = { "scope", SCOPE_MAX_TEXT },
	[TP_REFRESH_TOKEN] = { "refresh_token", 128 },
	[TP_CODE] = { "code", 128 },
	[TP_REDIRECT_URI] = { "redirect_uri", 2048 },
	[TP_CODE_VERIFIER] = { "code_verifier", 128 },
};

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

static enum oauth_error
check_request(struct app *app, const struct http_request *req,
    const char **desc)
{
	if (strcmp(req->method, "POST") != 0) {
		*desc = "the token endpoint accepts only POST";
		return OAUTH_METHOD_NOT_ALLOWED;
	}
	/* RFC 6749 §3.2; X-Forwarded-Proto is the client's word: ignored. */
	if (!app->cfg.allow_plain_http && !http_is_tls_or_loopback(req)) {
		*desc = "the token endpoint requires TLS";
		return OAUTH_INVALID_REQUEST;
	}
	if (req->body_too_large) {
		*desc = "request body too large";
		return OAUTH_INVALID_REQUEST;
	}
	if (req->body_truncated) {
		*desc = "request body shorter than Content-Length";
		return OAUTH_INVALID_REQUEST;
	}
	if (!is_form_type(req->content_type)) {
		*desc = "Content-Type must be application/x-www-form-urlencoded";
		return OAUTH_INVALID_REQUEST;
	}
	return OAUTH_OK;
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

static enum oauth_error
run_grant(struct app *app, const struct http_request *req,
    struct token_params *tp, struct http_response *resp, int *basic_used,
    const char **desc)
{
	struct client_credentials	 cc;
	struct client			 c;
	enum oauth_error		 e;
	int				 g;

	if (tp->v[TP_GRANT_TYPE].s == NULL) {
		*desc = "grant_type is required";
		return OAUTH_INVALID_REQUEST;
	}
	g = grant_parse(tp->v[TP_GRANT_TYPE].s);
	if (g != GRANT_PASSWORD) {
		*desc = "grant_type not supported";
		return OAUTH_UNSUPPORTED_GRANT_TYPE;
	}
	cc.body_id = tp->v[TP_CLIENT_ID].s;
	cc.body_secret = tp->v[TP_CLIENT_SECRET].s;
	e = client_auth(app, req, &cc, &c, basic_used, desc);
	if (e != OAUTH_OK)
		return e;
	snprintf(resp->log_client, sizeof(resp->log_client), "%s", c.id);
	if ((c.grants & (1u << g)) == 0) {
		*desc = "the client may not use this grant type";
		e = OAUTH_UNAUTHORIZED_CLIENT;
	} else
		e = grant_password(app, &c, tp, resp, desc);
	db_client_free(&c);
	return e;
}

void
token_endpoint(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app		*app = ctx;
	struct token_params	 tp;
	enum form_status	 fs;
	enum oauth_error	 e;
	const char		*desc = NULL;
	int			 basic_used = 0;

	memset(&tp, 0, sizeof(tp));
	if ((e = check_request(app, req, &desc)) != OAUTH_OK)
		goto fail;
	fs = form_parse(req->body ? req->body : "", req->body_len, params,
	    TP__MAX, tp.v, NULL);
	if (fs != FORM_OK) {
		desc = form_error(fs);
		e = OAUTH_INVALID_REQUEST;
		goto fail;
	}
	e = run_grant(app, req, &tp, resp, &basic_used, &desc);
	form_free(tp.v, TP__MAX);
	if (e == OAUTH_OK)
		return;
fail:
	oauth_error_write(resp, e, desc, basic_used);
}
