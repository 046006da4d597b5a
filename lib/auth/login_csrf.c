/* The login form's CSRF token; see login_csrf.h. */
#include <stdlib.h>
#include <string.h>

#include "auth/login_csrf.h"
#include "parse/cookie.h"

#define LOGIN_CSRF_MAX_AGE	3600	/* seconds a login form stays good */

static const char *
cookie_name(const struct app *app)
{
	/* RFC 6265bis §4.1.3.2: __Host- pins Secure, Path=/, no Domain. */
	return app->cfg.allow_plain_http ? "cpassport_login" :
	    "__Host-cpassport_login";
}

/* The request's token cookie when it has the shape we make, else NULL. */
static char *
cookie_token(const struct app *app, const struct http_request *req)
{
	char	*v = cookie_get(req->arena, req->cookie, cookie_name(app),
		    SECRET_TEXT_LEN);

	if (v != NULL && (strlen(v) != SECRET_TEXT_LEN || strspn(v,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") != SECRET_TEXT_LEN))
		return NULL;
	return v;
}

int
login_csrf_issue(const struct app *app, const struct http_request *req,
    struct http_response *r, char out[SECRET_TEXT_LEN + 1])
{
	char	*v;

	if ((v = cookie_token(app, req)) != NULL)
		memcpy(out, v, SECRET_TEXT_LEN + 1);
	else if (secret_new(out) == -1)
		return -1;
	http_resp_header(r, "Set-Cookie",
	    "%s=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Lax%s",
	    cookie_name(app), out, LOGIN_CSRF_MAX_AGE,
	    app->cfg.allow_plain_http ? "" : "; Secure");
	return 0;
}

int
login_csrf_valid(const struct app *app, const struct http_request *req,
    const char *token)
{
	char	*v;

	if (token == NULL || (v = cookie_token(app, req)) == NULL)
		return 0;
	return secret_equal(v, token);
}
