/* GET and POST /oauth/logout; see logout_endpoint.h. */
#include <string.h>

#include "auth/session.h"
#include "crypto/secret.h"
#include "endpoint/authorize_pages.h"
#include "endpoint/logout_endpoint.h"
#include "endpoint/logout_request.h"
#include "endpoint/post_form.h"
#include "http/html.h"
#include "http/redirect.h"
#include "parse/form.h"
#include "store/db_session_clients.h"

#define LOGOUT_PATH	"/oauth/logout"

/* The page of each refusal (RP-Initiated Logout 1.0 §4: no redirect). */
static const enum page refusal[LOGOUT__MAX] = {
	[LOGOUT_BAD_HINT] = PAGE_LOGOUT_BAD_HINT,
	[LOGOUT_CLIENT_MISMATCH] = PAGE_LOGOUT_CLIENT_MISMATCH,
	[LOGOUT_NO_CLIENT] = PAGE_NO_SUCH_CLIENT,
	[LOGOUT_BAD_REDIRECT] = PAGE_LOGOUT_BAD_REDIRECT,
	[LOGOUT_UNAVAILABLE] = PAGE_UNAVAILABLE,
};

/*
 * §3: back to the registered URI with state, or the plain page.  A 303
 * (RFC 9110 §15.4.4), so that a redirect after the POST is a GET.
 */
static void
done(struct http_response *r, const struct logout_request *lr,
    void (*page)(struct http_response *))
{
	const char	*pairs[] = { "state", lr->state, NULL };
	const char	*url;

	if (lr->redirect != NULL &&
	    (url = redirect_url(r->arena, lr->redirect, pairs)) != NULL)
		redirect_see_other(r, url);
	else
		page(r);
}

/* 1 when the hint names another session or user than s (Core §2 sub). */
static int
other_session(const struct logout_request *lr, const struct session_row *s)
{
	if (!lr->has_hint)
		return 0;
	return strcmp(lr->hint.sub, s->user_id) != 0 ||
	    (lr->hint.sid != NULL && strcmp(lr->hint.sid, s->sid) != 0);
}

/* The question, with the names of the session's applications. */
static void
ask(struct app *app, struct http_response *r,
    const struct logout_request *lr, const struct session_row *s)
{
	struct session_client_rows	 rows;
	struct logout_confirm		 c;
	const char			**names;
	size_t				 i;

	if (db_session_clients_names(r->arena, app->db, s->sid, &rows) !=
	    DB_OK) {
		page_error(r, PAGE_UNAVAILABLE);
		return;
	}
	names = arena_alloc(r->arena, (rows.n + 1) * sizeof(*names));
	for (i = 0; i < rows.n; i++)
		names[i] = rows.v[i].name;
	memset(&c, 0, sizeof(c));
	c.csrf = s->csrf_hex;
	c.user = s->user_email;
	c.apps = names;
	c.napps = rows.n;
	c.other_session = other_session(lr, s);
	if (lr->redirect != NULL) {
		c.client_id = lr->client.id;
		c.client_name = lr->client.name;
		c.redirect = lr->redirect;
		c.state = lr->state;
	}
	page_logout_confirm(r, &c);
}

/*
 * The request resolved, or its refusal written (0).  A session's
 * presence is asked only after: a bad request is refused either way.
 */
static int
resolve(struct app *app, struct http_response *r, struct logout_request *lr)
{
	enum logout_status	st;

	if ((st = logout_request_resolve(r->arena, app, lr)) == LOGOUT_OK)
		return 1;
	page_error(r, refusal[st]);
	return 0;
}

/*
 * GET: ask first; GET is safe (RFC 9110 §9.2.1) and ends nothing.
 * Without a session there is nothing to end: straight back to a valid
 * registered URI (§3), else the page saying so.
 */
void
logout_get(void *ctx, const struct http_request *req,
    struct http_response *r)
{
	struct app		*app = ctx;
	struct logout_request	 lr;
	struct session_row	 s;
	int			 have;

	memset(&lr, 0, sizeof(lr));
	if (form_parse(req->arena, req->query, strlen(req->query),
	    logout_params, LO__MAX, lr.v, NULL) != FORM_OK) {
		page_error_with(r, PAGE_REFUSED, "malformed request", NULL);
		return;
	}
	if (!resolve(app, r, &lr))
		return;
	if ((have = session_current(app, req, &s)) == -1)
		page_error(r, PAGE_UNAVAILABLE);
	else if (!have)
		done(r, &lr, page_not_signed_in);
	else
		ask(app, r, &lr, &s);
}

/*
 * §2 lets the RP POST its request: without csrf_token a POST is that,
 * and goes on as the GET of the same parameters (a 303), which carries
 * the session cookie that a cross-site POST does not (SameSite=Lax).
 */
static void
as_get(struct http_response *r, const struct logout_request *lr)
{
	const char	*pairs[2 * LO__MAX + 1];
	const char	*url;
	size_t		 i;

	for (i = 0; i < LO__MAX; i++) {
		pairs[2 * i] = logout_params[i].name;
		pairs[2 * i + 1] = lr->v[i].s;
	}
	pairs[2 * LO__MAX] = NULL;
	if ((url = redirect_local_url(r->arena, LOGOUT_PATH, pairs)) == NULL)
		page_error(r, PAGE_INTERNAL);
	else
		redirect_see_other(r, url);
}

/*
 * POST with csrf_token: the confirmation, which must carry the
 * session's token (RFC 9700 §4.7's defence), one a form on another site
 * cannot know.  The session row goes, and with it its
 * oauth_session_clients rows (ON DELETE CASCADE); then back to the
 * client's registered URI, checked again, or the "Signed out" page.
 */
void
logout_post(void *ctx, const struct http_request *req,
    struct http_response *r)
{
	struct app		*app = ctx;
	struct logout_request	 lr;
	struct session_row	 s;
	const char		*desc;
	int			 have;

	memset(&lr, 0, sizeof(lr));
	if (post_form_parse(app, req, logout_params, LO__MAX, lr.v, &desc) !=
	    OAUTH_OK) {
		page_error_with(r, PAGE_REFUSED, desc, NULL);
		return;
	}
	if (lr.v[LO_CSRF].s == NULL) {
		as_get(r, &lr);
		return;
	}
	if (!resolve(app, r, &lr))
		return;
	if ((have = session_current(app, req, &s)) == -1)
		page_error(r, PAGE_UNAVAILABLE);
	else if (!have)
		done(r, &lr, page_not_signed_in);
	else if (!secret_equal(lr.v[LO_CSRF].s, s.csrf_hex))
		page_error(r, PAGE_LOGOUT_EXPIRED);
	else if (session_end(app, req, r) == -1)
		page_error(r, PAGE_UNAVAILABLE);
	else
		done(r, &lr, page_logged_out);
}
