/* The authorization endpoint; see authorize_endpoint.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "app/callback_uri.h"
#include "auth/credentials.h"
#include "auth/login_csrf.h"
#include "auth/session.h"
#include "base/arena.h"
#include "base/xalloc.h"
#include "crypto/password.h"
#include "crypto/secret.h"
#include "endpoint/authorize_endpoint.h"
#include "endpoint/authorize_pages.h"
#include "endpoint/authorize_prompt.h"
#include "endpoint/authorize_request.h"
#include "endpoint/logout_endpoint.h"
#include "endpoint/post_form.h"
#include "grant/grants.h"
#include "http/html.h"
#include "http/redirect.h"
#include "http/route.h"
#include "parse/form.h"
#include "parse/prompt.h"
#include "parse/valid.h"
#include "store/db_code.h"
#include "store/db_scope.h"
#include "store/db_user.h"

enum pparam {
	PP_ACTION = 0,
	PP_REQUEST,
	PP_EMAIL,
	PP_PASSWORD,
	PP_CSRF,
	PP_LOGIN_TOKEN,
	PP__MAX
};

static const struct form_param post_params[PP__MAX] = {
	[PP_ACTION] = { "action", 16 },
	[PP_REQUEST] = { "request", AUTHZ_QUERY_MAX },
	[PP_EMAIL] = { "email", 254 },
	[PP_PASSWORD] = { "password", PASSWORD_MAX },
	[PP_CSRF] = { "csrf_token", SECRET_HASH_HEX },
	[PP_LOGIN_TOKEN] = { "login_token", SECRET_TEXT_LEN },
};

/*
 * The login form, with its CSRF token and that token's cookie; the
 * e-mail typed, else the request's login_hint (Core §3.1.2.1), filled in.
 */
static void
show_login(struct app *app, const struct http_request *req,
    struct http_response *r, enum page why, const char *request,
    const struct authz *a, const char *email)
{
	char	token[SECRET_TEXT_LEN + 1];

	if (login_csrf_issue(app, req, r, token) == -1)
		page_error(r, PAGE_UNAVAILABLE);
	else
		page_login(r, why, request, token, a->client.name,
		    email != NULL ? email : a->login_hint);
}

/* An AUTHZ_PAGE or AUTHZ_REDIRECT outcome of authz_parse(). */
static void
refuse(struct app *app, struct http_response *r, const struct authz *a,
    enum authz_result res)
{
	if (res == AUTHZ_REDIRECT)
		authz_redirect_error(r, a, a->error, a->desc, app->cfg.issuer);
	else if (a->error == OAUTH_TEMPORARILY_UNAVAILABLE)
		page_error(r, PAGE_UNAVAILABLE);
	else if (a->error == OAUTH_SERVER_ERROR)
		page_error(r, PAGE_INTERNAL);
	else
		page_error_with(r, PAGE_REFUSED, a->desc, NULL);
}

/* Approve: a single-use code bound to everything (RFC 6749 §4.1.2). */
static void
approve(struct app *app, const struct authz *a, const struct session_row *s,
    struct http_response *r)
{
	/* In the arena, which wipes it. */
	char			*code = arena_alloc(r->arena, SECRET_TEXT_LEN + 1);
	char			 hash[SECRET_HASH_HEX + 1];
	struct scope_set	 held, granted;
	struct code_spec	 spec;
	char			 scopes[SCOPE_MAX_TEXT];
	const char		*pairs[7];

	if (secret_new(code) == -1 ||
	    grant_user_scopes(s->user_scopes, &held) == -1) {
		page_error(r, PAGE_INTERNAL);
		return;
	}
	scope_narrow(&a->scopes, &a->client.scopes, &held, &granted);
	scope_join(&granted, scopes);
	secret_hash_hex(code, strlen(code), hash);
	memset(&spec, 0, sizeof(spec));
	spec.hash = hash;
	spec.user_id = s->user_id;
	spec.client_id = a->client.id;
	spec.scopes = scopes;
	spec.redirect_uri = a->redirect_uri;
	spec.redirect_given = a->redirect_given;
	spec.challenge = a->v[AP_CODE_CHALLENGE].s;
	spec.method = a->method;
	spec.exp = time(NULL) + app->cfg.auth_code_lifetime;
	spec.nonce = a->v[AP_NONCE].s;
	spec.auth_time = s->auth_time;
	spec.sid = s->sid;
	spec.amr = s->amr;
	if (db_code_insert(app->db, &spec) != DB_OK)
		page_error(r, PAGE_UNAVAILABLE);
	else {
		pairs[0] = "code", pairs[1] = code;
		pairs[2] = "state", pairs[3] = a->v[AP_STATE].s;
		/* RFC 9207: who issued the code (mix-up defence). */
		pairs[4] = "iss", pairs[5] = app->cfg.issuer;
		pairs[6] = NULL;
		authz_respond(r, a, pairs);
	}
}

/* The consent screen: each asked scope with its description. */
static void
consent(struct arena *arena, struct app *app, const struct authz *a,
    const struct session_row *s, const char *request, struct http_response *r)
{
	struct scope_line	 lines[SCOPE_MAX_ITEMS];
	struct scope_rows	 known;
	size_t			 i, j;

	if (db_scope_list(arena, app->db, &known) != DB_OK) {
		page_error(r, PAGE_UNAVAILABLE);
		return;
	}
	for (i = 0; i < a->scopes.n; i++) {
		lines[i].name = a->scopes.items[i];
		lines[i].description = strcmp(a->scopes.items[i], "*") == 0 ?
		    "everything your account can do" : "";
		for (j = 0; j < known.n; j++)
			if (strcmp(known.v[j].name, lines[i].name) == 0)
				lines[i].description = known.v[j].description;
	}
	page_consent(r, request, s->csrf_hex, a->client.name,
	    s->user_email, lines, a->scopes.n);
}

/*
 * The web server authenticated the user (REMOTE_USER): no login form.
 * One that is no active user of ours is the 403 page, or with
 * prompt=none login_required: no page at all (Core §3.1.2.1).
 */
static int
remote_user_session(struct app *app, const struct http_request *req,
    const struct authz *a, struct session_row *s, struct http_response *r)
{
	struct user	u;
	int		found = 0, have;

	memset(&u, 0, sizeof(u));
	if ((have = session_current(app, req, s)) == -1)
		return -1;
	if (have && req->remote_user != NULL &&
	    strcasecmp(s->user_email, req->remote_user) == 0)
		return 1;
	if (req->remote_user == NULL || !email_valid(req->remote_user) ||
	    db_user_find_by_email(req->arena, app->db, req->remote_user, &u,
	    &found) != DB_OK || !found || u.revoked) {
		if (a->prompt & PROMPT_BIT(PROMPT_NONE))
			authz_redirect_error(r, a, OAUTH_LOGIN_REQUIRED,
			    "the user must sign in", app->cfg.issuer);
		else
			page_error(r, PAGE_NOT_AUTHENTICATED);
		return 0;
	}
	/*
	 * A session gives the consent form its CSRF token.  Another user's
	 * ends with it, as at the login form: its row goes, the cookie is
	 * new, and so are sid and auth_time (Core §2).
	 */
	if (session_renew(app, req, u.id, SESSION_AMR_EXT, r, s) == -1)
		return -1;
	http_resp_header(r, "Location", "%s", req->uri);
	http_resp_body(r, 303, NULL, "", 0);
	return 0;
}

/*
 * Signed in as the request wants: the code when the consent screen can
 * be skipped (first party, or consent remembered), else the screen; with
 * prompt=none, no screen but consent_required (Core §3.1.2.6).
 */
static void
signed_in(struct app *app, struct arena *arena, const struct authz *a,
    const struct session_row *s, const char *request,
    struct http_response *r)
{
	int	skip;

	if (authz_consent_skip(arena, app, a, s, &skip) != DB_OK)
		page_error(r, PAGE_UNAVAILABLE);
	else if (skip)
		approve(app, a, s, r);
	else if (a->prompt & PROMPT_BIT(PROMPT_NONE))
		authz_redirect_error(r, a, OAUTH_CONSENT_REQUIRED,
		    "the user has not consented to this request",
		    app->cfg.issuer);
	else
		consent(arena, app, a, s, request, r);
}

/*
 * The request needs a (new) sign-in: the login form, with the e-mail of
 * s (the current session, or NULL) when there is no login_hint.  With
 * prompt=none, or under trust_remote_user (the web server signs users
 * in, not the form), login_required (Core §3.1.2.6).
 */
static void
ask_login(struct app *app, const struct http_request *req,
    struct http_response *r, const struct authz *a, const char *request,
    const struct session_row *s)
{
	if ((a->prompt & PROMPT_BIT(PROMPT_NONE)) ||
	    app->cfg.trust_remote_user)
		authz_redirect_error(r, a, OAUTH_LOGIN_REQUIRED,
		    "the user must sign in", app->cfg.issuer);
	else
		show_login(app, req, r, PAGE_LOGIN, request, a,
		    s != NULL && a->login_hint == NULL ? s->user_email : NULL);
}

/*
 * prompt=none and another account to choose (Core §3.1.2.6): to a
 * client the user has not consented to, consent_required, whatever the
 * login_hint, so that trying addresses does not tell it the user's.
 */
static void
none_choice(struct app *app, struct arena *arena, const struct authz *a,
    const struct session_row *s, struct http_response *r)
{
	int	skip;

	if (authz_consent_skip(arena, app, a, s, &skip) != DB_OK)
		page_error(r, PAGE_UNAVAILABLE);
	else if (!skip)
		authz_redirect_error(r, a, OAUTH_CONSENT_REQUIRED,
		    "the user has not consented to this request",
		    app->cfg.issuer);
	else
		authz_redirect_error(r, a, OAUTH_ACCOUNT_SELECTION_REQUIRED,
		    "the login_hint names another account",
		    app->cfg.issuer);
}

/*
 * After a valid request: sign in (again) when the request asks it
 * (authorize_prompt.h), let the user choose the account (select_account,
 * or a login_hint for another user), then consent.  prompt=none shows no
 * page: what would need one is login_required or
 * account_selection_required (Core §3.1.2.6).  Under trust_remote_user
 * the web server, not the form, signs users in: a sign-in asked for is
 * login_required, and there is no other account to choose.
 */
static void
proceed(struct app *app, const struct http_request *req,
    const struct authz *a, const char *request, struct http_response *r)
{
	struct session_row	s;
	int			have, none = a->prompt & PROMPT_BIT(PROMPT_NONE);

	if (app->cfg.trust_remote_user && none && req->remote_user == NULL)
		have = 0;
	else if (app->cfg.trust_remote_user) {
		if ((have = remote_user_session(app, req, a, &s, r)) == 0)
			return;		/* answered: a page, or the session */
	} else
		have = session_current(app, req, &s);
	if (have == -1) {
		page_error(r, PAGE_UNAVAILABLE);
		return;
	}
	if (authz_needs_login(a, have ? &s : NULL, time(NULL)))
		ask_login(app, req, r, a, request, have ? &s : NULL);
	else if (!authz_needs_choice(a, &s) || app->cfg.trust_remote_user)
		signed_in(app, req->arena, a, &s, request, r);
	else if (none)
		none_choice(app, req->arena, a, &s, r);
	else
		page_select_account(r, request, s.csrf_hex, a->client.name,
		    s.user_email);
}

static void
get_authorize(void *ctx, const struct http_request *req,
    struct http_response *r)
{
	struct app		*app = ctx;
	struct authz		a;
	enum authz_result	res;

	res = authz_parse(req->arena, app, req->query, strlen(req->query), &a);
	if (res != AUTHZ_OK)
		refuse(app, r, &a, res);
	else
		proceed(app, req, &a, req->query, r);
}

static void
login(struct app *app, const struct http_request *req,
    const struct authz *a, const struct form_value *v,
    struct http_response *r)
{
	const char	*email = v[PP_EMAIL].s, *pw = v[PP_PASSWORD].s;
	const char	*request = v[PP_REQUEST].s;
	struct user			 u;
	struct session_row		 s;
	enum credentials_result		 res;
	long				 wait;

	memset(&u, 0, sizeof(u));
	if (app->cfg.trust_remote_user || email == NULL || pw == NULL) {
		page_error(r, PAGE_MALFORMED_LOGIN);
		return;
	}
	/* Before the password is looked at: a forged form learns nothing. */
	if (!login_csrf_valid(app, req, v[PP_LOGIN_TOKEN].s)) {
		show_login(app, req, r, PAGE_LOGIN_EXPIRED, request, a, email);
		return;
	}
	if (credentials_check(req->arena, app, email, pw, req->remote_addr, &u,
	    &res, &wait) != DB_OK) {
		page_error(r, PAGE_UNAVAILABLE);
		return;
	}
	if (res == CREDENTIALS_THROTTLED) {
		show_login(app, req, r, PAGE_LOGIN_THROTTLED, request, a,
		    email);
		http_resp_header(r, "Retry-After", "%ld", wait);
	} else if (res != CREDENTIALS_OK)
		show_login(app, req, r, PAGE_LOGIN_FAILED, request, a, email);
	/* Re-authentication too: the old session ends (a new sid). */
	else if (session_renew(app, req, u.id, SESSION_AMR_PWD, r, &s) == -1)
		page_error(r, PAGE_UNAVAILABLE);
	/*
	 * Core §3.1.2.1 id_token_hint: signed in now as another user than
	 * the hint's, an error (login_required), not that user's code.
	 */
	else if (a->hint_sub != NULL && strcmp(a->hint_sub, s.user_id) != 0)
		authz_redirect_error(r, a, OAUTH_LOGIN_REQUIRED,
		    "the user signed in is not the id_token_hint's",
		    app->cfg.issuer);
	else if (authz_login_goes_on(a))
		signed_in(app, req->arena, a, &s, request, r);
	else {
		/* Back to the authorization request, now signed in. */
		http_resp_header(r, "Location", "/oauth/authorize?%s", request);
		http_resp_body(r, 303, NULL, "", 0);
	}
}

static void
decide(struct app *app, const struct http_request *req,
    const struct authz *a, const struct form_value *v,
    struct http_response *r)
{
	struct session_row	s;
	int			have;

	if ((have = session_current(app, req, &s)) == -1) {
		page_error(r, PAGE_UNAVAILABLE);
		return;
	}
	if (!have) {
		show_login(app, req, r, PAGE_LOGIN_SESSION_ENDED,
		    v[PP_REQUEST].s, a, NULL);
		return;
	}
	/* The CSRF token is bound to the session. */
	if (!secret_equal(v[PP_CSRF].s, s.csrf_hex))
		page_error(r, PAGE_CONSENT_EXPIRED);
	else if (strcmp(v[PP_ACTION].s, "deny") == 0)
		authz_redirect_error(r, a, OAUTH_ACCESS_DENIED,
		    "the user denied the request", app->cfg.issuer);
	/*
	 * Core §3.1.2.1: max_age is judged again when the user answers a
	 * page: one who waited past it there would get a code whose
	 * auth_time the relying party rejects.  A sign-in first.
	 */
	else if (authz_auth_too_old(a, &s, time(NULL)))
		ask_login(app, req, r, a, v[PP_REQUEST].s, &s);
	else if (strcmp(v[PP_ACTION].s, "continue") == 0)
		signed_in(app, req->arena, a, &s, v[PP_REQUEST].s, r);
	else if (authz_consent_remember(app, a, &s) != DB_OK)
		page_error(r, PAGE_UNAVAILABLE);
	else
		approve(app, a, &s, r);
}

static void
post_authorize(void *ctx, const struct http_request *req,
    struct http_response *r)
{
	struct app		*app = ctx;
	struct form_value	 v[PP__MAX];
	struct authz		 a;
	enum authz_result	 res;
	const char		*desc, *action;

	if (post_form_parse(app, req, post_params, PP__MAX, v, &desc) !=
	    OAUTH_OK) {
		page_error_with(r, PAGE_REFUSED, desc, NULL);
		return;
	}
	action = v[PP_ACTION].s;
	if (v[PP_REQUEST].s == NULL || action == NULL ||
	    (strcmp(action, "login") && strcmp(action, "approve") &&
	    strcmp(action, "deny") && strcmp(action, "continue") &&
	    strcmp(action, "switch"))) {
		page_error(r, PAGE_MALFORMED_FORM);
		return;
	}
	res = authz_parse(req->arena, app, v[PP_REQUEST].s, v[PP_REQUEST].len,
	    &a);
	if (res != AUTHZ_OK)
		refuse(app, r, &a, res);
	else if (strcmp(action, "login") == 0)
		login(app, req, &a, v, r);
	else if (strcmp(action, "switch") == 0)
		/* select_account: "Use another account". */
		show_login(app, req, r, PAGE_LOGIN, v[PP_REQUEST].s, &a, NULL);
	else
		decide(app, req, &a, v, r);
}

/*
 * GET /oauth/request?client=ID: the flow with the registered redirect.
 * When that redirect is the ready-made callback's own, its flow starts
 * at /callback/start, which gives it a state and a PKCE verifier: the
 * callback exchanges no code it did not start (RFC 6749 §10.12).
 */
static void
request_shortcut(void *ctx, const struct http_request *req,
    struct http_response *r)
{
	static const struct form_param p[1] = { { "client", 64 } };
	struct app		*app = ctx;
	struct form_value	 v[1];
	struct client		 c;
	char			*base;
	const char		*pairs[7];
	int			 found = 0;

	if (form_parse(req->arena, req->query, strlen(req->query), p, 1, v,
	    NULL) != FORM_OK || !uuid_valid(v[0].s)) {
		page_error(r, PAGE_NO_CLIENT_ID);
		return;
	}
	if (db_client_find(req->arena, app->db, v[0].s, &c, &found) !=
	    DB_OK) {
		page_error(r, PAGE_UNAVAILABLE);
		return;
	}
	if (!found || c.revoked || c.redirect_uris[0] == '\0') {
		page_error(r, PAGE_NO_SUCH_CLIENT);
		return;
	}
	if (c.secret_hex == NULL) {
		page_error(r, PAGE_PUBLIC_CLIENT);
		return;
	}
	c.redirect_uris[strcspn(c.redirect_uris, " ")] = '\0';
	if (callback_uri_is_own(req->arena, &app->cfg, c.id,
	    c.redirect_uris)) {
		http_resp_header(r, "Location", "%s",
		    callback_uri_start(req->arena, &app->cfg));
		http_resp_body(r, 302, NULL, "", 0);
		return;
	}
	pairs[0] = "response_type", pairs[1] = "code";
	pairs[2] = "client_id", pairs[3] = c.id;
	pairs[4] = "redirect_uri", pairs[5] = c.redirect_uris;
	pairs[6] = NULL;
	base = arena_printf(req->arena, "%.*s/oauth/authorize",
	    (int)strcspn(app->cfg.issuer, "?#"), app->cfg.issuer);
	if (redirect_with(r, base, pairs) == -1)
		page_error(r, PAGE_BAD_ISSUER);
}

/* Every other path or method: the program's HTML pages. */
static void
not_routed(void *ctx, const struct http_request *req,
    struct http_response *r, int status)
{
	(void)ctx;
	(void)req;
	page_error(r, status == 405 ? PAGE_METHOD : PAGE_NOT_FOUND);
}

static const struct route routes[] = {
	{ "/oauth/authorize", ROUTE_GET | ROUTE_HEAD, get_authorize },
	{ "/oauth/authorize", ROUTE_POST, post_authorize },
	{ "/oauth/request", ROUTE_GET | ROUTE_HEAD, request_shortcut },
	{ "/oauth/logout", ROUTE_GET | ROUTE_HEAD, logout_get },
	{ "/oauth/logout", ROUTE_POST, logout_post },
};

const struct router authorize_router = {
	routes, sizeof(routes) / sizeof(routes[0]), not_routed
};
