/*
 * HTML pages of the browser-facing programs (authorize.fcgi,
 * callback.fcgi): escaping, one page writer that adds the headers every
 * such page carries: no-store, X-Frame-Options: DENY, a
 * Content-Security-Policy without external assets or framing
 * (frame-ancestors 'none'), Referrer-Policy: no-referrer,
 * X-Content-Type-Options: nosniff; and the one page table, which gives
 * every HTML answer its status and <title>: the errors (ERROR_PAGES) and
 * the forms and results (FORM_PAGES).  Pages work without JavaScript;
 * the one script there is (html_page_autosubmit) saves a click.
 */
#ifndef CPASSPORT_HTML_H
#define CPASSPORT_HTML_H

#include "http/http.h"

/* Escape & < > " ' for text and attribute values, into the arena. */
char	*html_escape(struct arena *, const char *);


/* Where the callback's flow starts; its error pages link there. */
#define CALLBACK_START_PATH	"/callback/start"
#define CALLBACK_RESTART						\
	"<p><a href=\"" CALLBACK_START_PATH "\">Start again</a></p>"

/*
 * The error pages: status, <title>, heading, text (constant HTML; NULL:
 * the caller's message, escaped), tail (constant HTML after any detail;
 * the callback's "Start again").  A 503 adds Retry-After; a 405's Allow
 * is the router's (route.h), from the methods of the path's routes.
 * Authorize and logout title every error "Error" and head it "Request
 * refused" (REFUSED_PAGE); the callback names each page; where the two
 * word the same thing apart, each keeps its own.
 */
#define REFUSED_PAGE(X, e, status, text)					\
	X(e, status, "Error", "Request refused", text, NULL)
#define ERROR_PAGES(X)							\
	/* authorize.fcgi: /oauth/authorize, /oauth/request, logout */	\
	REFUSED_PAGE(X, PAGE_REFUSED, 400, NULL)			\
	REFUSED_PAGE(X, PAGE_MALFORMED_FORM, 400, "Malformed form.")	\
	REFUSED_PAGE(X, PAGE_MALFORMED_LOGIN, 400, "Malformed login.")	\
	REFUSED_PAGE(X, PAGE_NO_CLIENT_ID, 400, "client=ID is required.") \
	REFUSED_PAGE(X, PAGE_PUBLIC_CLIENT, 400,			\
	    "A public client starts the flow itself, with PKCE.")	\
	REFUSED_PAGE(X, PAGE_NOT_AUTHENTICATED, 403,			\
	    "The web server did not authenticate you as a known user.")	\
	REFUSED_PAGE(X, PAGE_CONSENT_EXPIRED, 403,			\
	    "The form has expired or did not come from this site.")	\
	REFUSED_PAGE(X, PAGE_LOGOUT_EXPIRED, 403,			\
	    "The sign-out form has expired or did not come from this "	\
	    "site; you are still signed in.")				\
	/* RP-Initiated Logout 1.0 §4: no redirect after these */	\
	REFUSED_PAGE(X, PAGE_LOGOUT_BAD_HINT, 400,			\
	    "The application's id_token_hint is not an ID token of "	\
	    "this server; you have not been signed out.")		\
	REFUSED_PAGE(X, PAGE_LOGOUT_CLIENT_MISMATCH, 400,		\
	    "The sign-out request names two different applications; "	\
	    "you have not been signed out.")				\
	REFUSED_PAGE(X, PAGE_LOGOUT_BAD_REDIRECT, 400,			\
	    "The address to return to after signing out is not "	\
	    "registered for the application; you have not been signed " \
	    "out. <a href=\"/oauth/logout\">Sign out here</a>.")	\
	REFUSED_PAGE(X, PAGE_NOT_FOUND, 404, "Not found.")		\
	REFUSED_PAGE(X, PAGE_NO_SUCH_CLIENT, 404, "No such client.")	\
	REFUSED_PAGE(X, PAGE_METHOD, 405, "Method not allowed.")	\
	REFUSED_PAGE(X, PAGE_INTERNAL, 500, "Internal error.")		\
	REFUSED_PAGE(X, PAGE_BAD_ISSUER, 500,				\
	    "The issuer in the configuration is not a URL.")		\
	REFUSED_PAGE(X, PAGE_UNAVAILABLE, 503, "The service is "	\
	    "temporarily unavailable; try again in a moment.")		\
	/* callback.fcgi: /callback/start, /callback */			\
	X(PAGE_CB_NOT_FOUND, 404, "Not found", "Not found",		\
	    "There is nothing here. The flow starts at "		\
	    "<a href=\"" CALLBACK_START_PATH "\">" CALLBACK_START_PATH	\
	    "</a>.", NULL)						\
	X(PAGE_CB_METHOD, 405, "Method not allowed", "Method not allowed", \
	    "Only GET is allowed here.", NULL)				\
	X(PAGE_CB_MALFORMED, 400, "Bad request", "Bad request",	\
	    "The callback request is malformed.", CALLBACK_RESTART)	\
	X(PAGE_CB_REFUSED, 400, "Authorization refused",		\
	    "Authorization refused", "The authorization was refused.",	\
	    CALLBACK_RESTART)						\
	X(PAGE_CB_NO_CODE, 400, "Bad request", "Bad request",		\
	    "The callback request carries no authorization code.",	\
	    CALLBACK_RESTART)						\
	X(PAGE_CB_NOT_STARTED, 400, "Not started here", "Not started here", \
	    "This browser did not start the sign-in that sent you "	\
	    "here, so its answer is not used: an authorization code "	\
	    "is exchanged only for the browser that asked for it. "	\
	    "Sign in from the start with "				\
	    "<a href=\"" CALLBACK_START_PATH "\">" CALLBACK_START_PATH	\
	    "</a>.", NULL)						\
	X(PAGE_CB_BAD_COOKIE, 400, "State mismatch", "State mismatch",	\
	    "state mismatch: the state cookie of this browser could "	\
	    "not be read.", CALLBACK_RESTART)				\
	X(PAGE_CB_STATE_MISMATCH, 400, "State mismatch", "State mismatch", \
	    "state mismatch: this answer does not belong to the "	\
	    "authorization request started in this browser.",		\
	    CALLBACK_RESTART)						\
	X(PAGE_CB_NOT_CONFIGURED, 500, "Not configured", "Not configured", \
	    "callback_client_id/callback_client_secret are not "	\
	    "configured.", NULL)					\
	X(PAGE_CB_TOKEN_ERROR, 400, "Token request refused",		\
	    "Token request refused", "The token endpoint refused to "	\
	    "exchange the authorization code.", CALLBACK_RESTART)	\
	X(PAGE_CB_UNREACHABLE, 502, "Bad gateway", "Bad gateway",	\
	    "Sorry: the token endpoint could not be reached.",		\
	    CALLBACK_RESTART)						\
	X(PAGE_CB_BAD_ANSWER, 502, "Bad gateway", "Bad gateway",	\
	    "Sorry: the token endpoint sent something other than a "	\
	    "token response.", CALLBACK_RESTART)			\
	X(PAGE_CB_SERVER_ERROR, 500, "Server error", "Server error",	\
	    "Something went wrong on our side.", NULL)

/*
 * The pages that are not errors, in the same table: their status and
 * <title> (heading, text and tail as above where they have them).  The
 * login form shown again carries why in its status and text.
 */
#define FORM_PAGES(X)							\
	X(PAGE_LOGIN, 200, "Sign in", "Sign in", NULL, NULL)		\
	X(PAGE_LOGIN_FAILED, 200, "Sign in", "Sign in",		\
	    "The e-mail address or password is incorrect.", NULL)	\
	X(PAGE_LOGIN_SESSION_ENDED, 200, "Sign in", "Sign in",		\
	    "Your session has ended; sign in again.", NULL)		\
	X(PAGE_LOGIN_EXPIRED, 403, "Sign in", "Sign in",		\
	    "The sign-in form expired or did not come from this site; "	\
	    "sign in again.", NULL)					\
	X(PAGE_LOGIN_THROTTLED, 429, "Sign in", "Sign in",		\
	    "Too many failed sign-ins. Wait a few minutes and try again.", \
	    NULL)							\
	X(PAGE_CONSENT, 200, "Authorize application", NULL, NULL, NULL) \
	X(PAGE_SELECT_ACCOUNT, 200, "Choose an account", NULL, NULL, NULL) \
	X(PAGE_LOGOUT_CONFIRM, 200, "Sign out", NULL, NULL, NULL)	\
	X(PAGE_NOT_SIGNED_IN, 200, "Not signed in", NULL, NULL, NULL)	\
	X(PAGE_SIGNED_OUT, 200, "Signed out", NULL, NULL, NULL)	\
	/* OAuth 2.0 Form Post Response Mode: the answer POSTed back */	\
	X(PAGE_FORM_POST, 200, "Continue", NULL, NULL, NULL)		\
	X(PAGE_CB_REDIRECT, 302, "Redirecting", NULL, NULL, NULL)	\
	X(PAGE_CB_TOKENS, 200, "Tokens", NULL, NULL, NULL)

enum page {
#define X(e, status, title, heading, text, tail) e,
	ERROR_PAGES(X)
	FORM_PAGES(X)
#undef X
	PAGE__MAX
};

/*
 * Write page p: its status and <title> from the table, and body_html
 * (already escaped where it holds data) inside the common layout and
 * style.  Every HTML answer goes through here.
 */
void	html_page(struct http_response *, enum page p,
	    const char *body_html);

/*
 * The one script a page may run, and its CSP hash (CSP Level 3 §8.4:
 * the base64 SHA-256 of the script's text; tests/unit/t_html checks the
 * two agree): it submits the page's first form, the form_post answer's
 * (OAuth 2.0 Form Post Response Mode §2).
 */
#define HTML_AUTOSUBMIT		"document.forms[0].submit()"
#define HTML_AUTOSUBMIT_HASH	\
	"sha256-ePniVEkSivX/c7XWBGafqh8tSpiRrKiqYeqbG7N1TOE="

/*
 * html_page() with HTML_AUTOSUBMIT after body_html, and a CSP whose
 * script-src allows that script and nothing else.  body_html must work
 * without it (a <noscript> submit button).
 */
void	html_page_autosubmit(struct http_response *, enum page p,
	    const char *body_html);

/* The text of p: the login form's message (NULL: none). */
const char	*page_text(enum page p);

/* Write error page p from the table. */
void	page_error(struct http_response *, enum page p);

/*
 * The same with what the request adds: message, escaped here, stands
 * for a NULL text (it is one of our constant descriptions); detail_html
 * (already escaped, or NULL) goes between the text and the tail.
 */
void	page_error_with(struct http_response *, enum page p,
	    const char *message, const char *detail_html);

#endif
