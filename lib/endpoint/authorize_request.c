/* Authorization requests; see authorize_request.h. */
#include <stdlib.h>
#include <string.h>

#include "auth/id_token_hint.h"
#include "base/arena.h"
#include "crypto/pkce.h"
#include "endpoint/authorize_pages.h"
#include "endpoint/authorize_request.h"
#include "http/redirect.h"
#include "parse/grant.h"
#include "parse/redirect_uri.h"
#include "parse/valid.h"
#include "store/db_scope.h"

static const struct form_param params[AP__MAX] = {
	[AP_RESPONSE_TYPE] = { "response_type", 32 },
	[AP_CLIENT_ID] = { "client_id", 64 },
	[AP_REDIRECT_URI] = { "redirect_uri", REDIRECT_URI_MAX },
	[AP_SCOPE] = { "scope", SCOPE_MAX_TEXT },
	[AP_STATE] = { "state", 512 },
	[AP_CODE_CHALLENGE] = { "code_challenge", PKCE_MAX },
	[AP_CODE_CHALLENGE_METHOD] = { "code_challenge_method", 16 },
	[AP_NONCE] = { "nonce", NONCE_MAX },
	[AP_RESPONSE_MODE] = { "response_mode", 16 },
	[AP_PROMPT] = { "prompt", PROMPT_MAX },
	[AP_MAX_AGE] = { "max_age", 16 },
	/* A hint: one that is not an e-mail address is not used. */
	[AP_LOGIN_HINT] = { "login_hint", AUTHZ_QUERY_MAX },
	[AP_ID_TOKEN_HINT] = { "id_token_hint", AUTHZ_QUERY_MAX },
	/* Read only to be refused: bounded by the login form's "request". */
	[AP_REQUEST_OBJECT] = { "request", AUTHZ_QUERY_MAX },
	[AP_REQUEST_URI] = { "request_uri", AUTHZ_QUERY_MAX },
	[AP_REGISTRATION] = { "registration", AUTHZ_QUERY_MAX },
	[AP_CLAIMS] = { "claims", AUTHZ_QUERY_MAX },
};

/*
 * The URI to redirect to: given when a registered one stands for it
 * (redirect_uri.h: exactly, §3.1.2.3, or a loopback one with another
 * port, RFC 8252 §7.3), or the only registered one when none is given.
 */
static char *
pick_redirect(struct arena *arena, const char *registered, const char *given)
{
	const char	*p = registered;
	size_t		 n, count = 0;

	while (*p != '\0') {
		n = strcspn(p, " ");
		if (given != NULL &&
		    redirect_uri_matches(p, n, given, strlen(given)))
			return arena_strdup(arena, given);
		count++;
		p += n + strspn(p + n, " ");
	}
	if (given == NULL && count == 1)
		return arena_strndup(arena, registered,
		    strcspn(registered, " "));
	return NULL;
}

static enum authz_result
fail(struct authz *a, enum authz_result kind, enum oauth_error e,
    const char *desc)
{
	a->error = e;
	a->desc = desc;
	return kind;
}

/* Identify the client and the redirect URI: errors here are pages. */
static enum authz_result
identify(struct arena *arena, struct app *app, struct authz *a)
{
	const char	*id = a->v[AP_CLIENT_ID].s;
	enum db_status	 s;
	int		 found = 0;

	if (!uuid_valid(id))
		return fail(a, AUTHZ_PAGE, OAUTH_INVALID_REQUEST,
		    "unknown client");
	if ((s = db_client_find(arena, app->db, id, &a->client, &found)) !=
	    DB_OK)
		return fail(a, AUTHZ_PAGE, oauth_db_error(s), NULL);
	if (!found || a->client.revoked)
		return fail(a, AUTHZ_PAGE, OAUTH_INVALID_REQUEST,
		    "unknown client");
	a->redirect_given = a->v[AP_REDIRECT_URI].s != NULL;
	a->redirect_uri = pick_redirect(arena, a->client.redirect_uris,
	    a->v[AP_REDIRECT_URI].s);
	if (a->redirect_uri == NULL)
		return fail(a, AUTHZ_PAGE, OAUTH_INVALID_REQUEST,
		    "the redirect_uri is not registered for this client");
	/* Registered before the rules of redirect_uri.h: never used. */
	if (!redirect_uri_valid(a->redirect_uri))
		return fail(a, AUTHZ_PAGE, OAUTH_INVALID_REQUEST,
		    "the registered redirect_uri is not a valid one");
	return AUTHZ_OK;
}

/*
 * OAuth 2.0 Multiple Response Type Encoding Practices §2.1: query, the
 * default of response_type=code, or form_post (Form Post Response Mode
 * §2); fragment and anything else is invalid_request, answered in the
 * query.  Judged first after the redirect URI, so that every later
 * error goes back in the mode asked.
 */
static enum authz_result
check_response_mode(struct authz *a)
{
	const char	*m = a->v[AP_RESPONSE_MODE].s;

	if (m == NULL || strcmp(m, "query") == 0)
		return AUTHZ_OK;
	if (strcmp(m, "form_post") != 0)
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
		    "unsupported response_mode");
	a->form_post = 1;
	return AUTHZ_OK;
}

/*
 * What this server does not implement is refused, never silently
 * dropped: a request object (Core §6.1, request_not_supported) or one by
 * reference (§6.2, request_uri_not_supported), registration metadata
 * (§7.2.1, registration_not_supported), and the claims parameter (§5.5:
 * discovery says claims_parameter_supported false; a client asking for
 * particular claims, or values of them, learns that it does not get them).
 */
static const struct unsupported {
	enum aparam		 param;
	enum oauth_error	 error;
	const char		*desc;
} unsupported[] = {
	{ AP_REQUEST_OBJECT, OAUTH_REQUEST_NOT_SUPPORTED,
	    "request objects are not supported" },
	{ AP_REQUEST_URI, OAUTH_REQUEST_URI_NOT_SUPPORTED,
	    "request_uri is not supported" },
	{ AP_REGISTRATION, OAUTH_REGISTRATION_NOT_SUPPORTED,
	    "the registration parameter is not supported" },
	{ AP_CLAIMS, OAUTH_INVALID_REQUEST,
	    "the claims parameter is not supported" },
};

static enum authz_result
check_unsupported(struct authz *a)
{
	size_t	i;

	for (i = 0; i < sizeof(unsupported) / sizeof(unsupported[0]); i++)
		if (a->v[unsupported[i].param].s != NULL)
			return fail(a, AUTHZ_REDIRECT, unsupported[i].error,
			    unsupported[i].desc);
	return AUTHZ_OK;
}

/*
 * Core §3.1.2.1: prompt (parse/prompt.h), max_age and login_hint.  What
 * they ask of the user is decided once the session is known
 * (authorize_endpoint.c); here only their form.
 */
static enum authz_result
check_prompt(struct authz *a)
{
	const char	*hint = a->v[AP_LOGIN_HINT].s;

	a->max_age = -1;
	if (a->v[AP_PROMPT].s != NULL) {
		switch (prompt_parse(a->v[AP_PROMPT].s, &a->prompt)) {
		case PROMPT_OK:
			break;
		case PROMPT_NONE_WITH_OTHER:
			return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
			    "prompt=none with another value");
		case PROMPT_UNKNOWN:
			return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
			    "unknown prompt value");
		default:
			return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
			    "malformed prompt");
		}
	}
	if (a->v[AP_MAX_AGE].s != NULL &&
	    max_age_parse(a->v[AP_MAX_AGE].s, &a->max_age) == -1)
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
		    "malformed max_age");
	if (hint != NULL && email_valid(hint))
		a->login_hint = hint;
	return AUTHZ_OK;
}

/*
 * Core §3.1.2.1 id_token_hint: an id_token we issued (auth/id_token_hint.h:
 * signature, typ, iss), to this client; its sub is the user the client
 * believes signed in (authorize_prompt.h compares it with the session's).
 * Its expiry is not judged: the hint names a user, it grants nothing,
 * and Core asks only that we issued it.
 */
static enum authz_result
check_hint(struct arena *arena, struct app *app, struct authz *a)
{
	const struct form_value	*t = &a->v[AP_ID_TOKEN_HINT];
	struct id_token_hint	 h;

	if (t->s == NULL)
		return AUTHZ_OK;
	app_refresh(app);
	if (!id_token_hint_verify(arena, app->keys, app->cfg.issuer, t->s,
	    t->len, &h))
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
		    "id_token_hint is not an id_token of this server");
	if (strcmp(h.aud, a->client.id) != 0)
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
		    "id_token_hint was issued to another client");
	a->hint_sub = h.sub;
	return AUTHZ_OK;
}

/* RFC 7636 §4.3, §4.4.1; RFC 9700 §2.1.1 (plain off by default). */
static enum authz_result
check_pkce(struct app *app, struct authz *a)
{
	const char	*challenge = a->v[AP_CODE_CHALLENGE].s;
	const char	*method = a->v[AP_CODE_CHALLENGE_METHOD].s;

	if (challenge == NULL) {
		if (method != NULL)
			return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
			    "code_challenge_method without code_challenge");
		if (a->client.secret_hex == NULL || app->cfg.pkce_required)
			return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
			    "PKCE is required (code_challenge)");
		return AUTHZ_OK;
	}
	a->method = method != NULL ? method : "plain";	/* §4.3 default */
	if (!pkce_method_valid(a->method, app->cfg.pkce_allow_plain))
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
		    "unsupported code_challenge_method");
	if (!pkce_syntax_valid(challenge))
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
		    "malformed code_challenge");
	return AUTHZ_OK;
}

/*
 * OpenID Connect Core §3.1.2.1: the nonce, echoed in the id_token, is
 * printable ASCII; a client registered with require_nonce sends one with
 * every openid request.
 */
static enum authz_result
check_nonce(struct authz *a)
{
	const char	*nonce = a->v[AP_NONCE].s;

	if (nonce != NULL && !nonce_valid(nonce))
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
		    "malformed nonce");
	if (nonce == NULL && a->client.require_nonce &&
	    scope_has(&a->scopes, "openid"))
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
		    "nonce is required");
	return AUTHZ_OK;
}

enum authz_result
authz_parse(struct arena *arena, struct app *app, const char *query,
    size_t len, struct authz *a)
{
	const char		*rt, *scope;
	enum authz_result	 res;
	enum db_status		 s;
	int			 known;

	memset(a, 0, sizeof(*a));
	if (form_parse(arena, query, len, params, AP__MAX, a->v, NULL) !=
	    FORM_OK)
		return fail(a, AUTHZ_PAGE, OAUTH_INVALID_REQUEST,
		    "malformed authorization request");
	if ((res = identify(arena, app, a)) != AUTHZ_OK ||
	    (res = check_response_mode(a)) != AUTHZ_OK ||
	    (res = check_unsupported(a)) != AUTHZ_OK ||
	    (res = check_prompt(a)) != AUTHZ_OK ||
	    (res = check_hint(arena, app, a)) != AUTHZ_OK)
		return res;
	rt = a->v[AP_RESPONSE_TYPE].s;
	if (rt == NULL)
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_REQUEST,
		    "response_type is required");
	if (strcmp(rt, "code") != 0)
		return fail(a, AUTHZ_REDIRECT, OAUTH_UNSUPPORTED_RESPONSE_TYPE,
		    "only response_type=code is supported");
	if ((a->client.grants & (1u << GRANT_AUTHORIZATION_CODE)) == 0)
		return fail(a, AUTHZ_REDIRECT, OAUTH_UNAUTHORIZED_CLIENT,
		    "the client may not use the authorization code grant");
	scope = a->v[AP_SCOPE].s ? a->v[AP_SCOPE].s : app->cfg.default_scope;
	if (scope_parse(scope, &a->scopes) == -1)
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_SCOPE,
		    "malformed scope");
	if ((s = db_scope_known(app->db, &a->scopes, &known)) != DB_OK)
		return fail(a, AUTHZ_PAGE, oauth_db_error(s), NULL);
	if (!known)
		return fail(a, AUTHZ_REDIRECT, OAUTH_INVALID_SCOPE,
		    "unknown scope");
	if ((res = check_nonce(a)) != AUTHZ_OK)
		return res;
	return check_pkce(app, a);
}

void
authz_respond(struct http_response *r, const struct authz *a,
    const char *const *pairs)
{
	if (a->form_post)
		page_form_post(r, a->redirect_uri, pairs);
	else
		redirect_with(r, a->redirect_uri, pairs);
}

void
authz_redirect_error(struct http_response *r, const struct authz *a,
    enum oauth_error e, const char *desc, const char *issuer)
{
	const char	*pairs[] = { "error", oauth_error_code(e),
			    "error_description", oauth_error_desc(e, desc),
			    "state", a->v[AP_STATE].s, "iss", issuer, NULL };

	authz_respond(r, a, pairs);
}
