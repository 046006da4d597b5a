/*
 * An authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3), parsed and
 * judged.  Errors come in two kinds (§4.1.2.1): with an unknown client or
 * a redirect URI that is not exactly a registered one, nothing may be
 * redirected to (AUTHZ_PAGE); every other error goes back to the client
 * by redirect (AUTHZ_REDIRECT).
 */
#ifndef CPASSPORT_AUTHORIZE_REQUEST_H
#define CPASSPORT_AUTHORIZE_REQUEST_H

#include <stddef.h>

#include "app/app.h"
#include "http/oauth_error.h"
#include "parse/form.h"
#include "parse/prompt.h"
#include "parse/scope.h"
#include "store/db_client.h"

/*
 * The longest authorization request the login and consent forms carry
 * back (their "request" field): no parameter of one can be longer.
 */
#define AUTHZ_QUERY_MAX	4096

enum aparam {
	AP_RESPONSE_TYPE = 0,
	AP_CLIENT_ID,
	AP_REDIRECT_URI,
	AP_SCOPE,
	AP_STATE,
	AP_CODE_CHALLENGE,
	AP_CODE_CHALLENGE_METHOD,
	AP_NONCE,		/* OpenID Connect Core §3.1.2.1 */
	/* OpenID Connect Core §3.1.2.1 and what it refuses (§5.5, §6, §7.2.1) */
	AP_RESPONSE_MODE,
	AP_PROMPT,
	AP_MAX_AGE,
	AP_LOGIN_HINT,
	AP_ID_TOKEN_HINT,
	AP_REQUEST_OBJECT,	/* "request" */
	AP_REQUEST_URI,
	AP_REGISTRATION,
	AP_CLAIMS,
	AP__MAX
};

enum authz_result {
	AUTHZ_OK = 0,
	AUTHZ_PAGE,		/* show an error page, never redirect */
	AUTHZ_REDIRECT,		/* redirect the error to redirect_uri */
};

struct authz {
	struct form_value	 v[AP__MAX];
	struct client		 client;
	char			*redirect_uri;	/* the effective one */
	int			 redirect_given;
	struct scope_set	 scopes;	/* asked, all registered */
	const char		*method;	/* PKCE method, or NULL */
	int			 form_post;	/* response_mode=form_post */
	unsigned		 prompt;	/* PROMPT_BIT()s, parse/prompt.h */
	long			 max_age;	/* seconds; -1: not asked */
	const char		*login_hint;	/* an e-mail address, or NULL */
	const char		*hint_sub;	/* id_token_hint's user, or NULL */
	enum oauth_error	 error;		/* when not AUTHZ_OK */
	const char		*desc;
};

/*
 * Parse query[0..len) and judge it, into the arena.  On AUTHZ_REDIRECT
 * the struct holds what authz_redirect_error() needs.
 */
enum authz_result authz_parse(struct arena *, struct app *,
		    const char *query, size_t len, struct authz *);

/*
 * The answer to the client at its redirect URI, in the request's
 * response_mode: the pairs (name, value, …, NULL; a NULL value skips its
 * pair) in the query of a 302 (RFC 6749 §4.1.2, "query"), or POSTed by
 * the page_form_post() form ("form_post", OAuth 2.0 Form Post Response
 * Mode §2).
 */
void		authz_respond(struct http_response *, const struct authz *,
		    const char *const *pairs);

/*
 * The RFC 6749 §4.1.2.1 error answer, through authz_respond(): error,
 * error_description, state, and iss = issuer (RFC 9207 §2).
 */
void		authz_redirect_error(struct http_response *,
		    const struct authz *, enum oauth_error, const char *desc,
		    const char *issuer);

#endif
