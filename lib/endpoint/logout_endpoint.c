/* GET and POST /oauth/logout; see logout_endpoint.h. */
#include "auth/session.h"
#include "crypto/secret.h"
#include "endpoint/authorize_pages.h"
#include "endpoint/logout_endpoint.h"
#include "endpoint/post_form.h"
#include "http/html.h"
#include "parse/form.h"

enum lparam {
	LP_CSRF = 0,
	LP__MAX
};

static const struct form_param params[LP__MAX] = {
	[LP_CSRF] = { "csrf_token", SECRET_HASH_HEX },
};

/* GET: ask first; GET is safe (RFC 9110 §9.2.1) and ends nothing. */
void
logout_get(void *ctx, const struct http_request *req,
    struct http_response *r)
{
	struct app		*app = ctx;
	struct session_row	s;
	int			have;

	if ((have = session_current(app, req, &s)) == -1)
		page_error(r, PAGE_UNAVAILABLE);
	else if (!have)
		page_not_signed_in(r);
	else
		page_logout_confirm(r, s.csrf_hex, s.user_email);
}

/*
 * POST: only with the session's CSRF token (RFC 9700 §4.7's defence),
 * which a form on another site cannot know.
 */
void
logout_post(void *ctx, const struct http_request *req,
    struct http_response *r)
{
	struct app		*app = ctx;
	struct form_value	 v[LP__MAX];
	struct session_row	 s;
	const char		*desc;
	int			 have;

	if (post_form_parse(app, req, params, LP__MAX, v, &desc) !=
	    OAUTH_OK) {
		page_error_with(r, PAGE_REFUSED, desc, NULL);
		return;
	}
	if ((have = session_current(app, req, &s)) == -1)
		page_error(r, PAGE_UNAVAILABLE);
	else if (!have)
		page_not_signed_in(r);
	else if (!secret_equal(v[LP_CSRF].s, s.csrf_hex))
		page_error(r, PAGE_LOGOUT_EXPIRED);
	else if (session_end(app, req, r) == -1)
		page_error(r, PAGE_UNAVAILABLE);
	else
		page_logged_out(r);
}
