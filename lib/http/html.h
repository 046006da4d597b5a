/*
 * HTML pages of the browser-facing programs (authorize.fcgi,
 * callback.fcgi): escaping, one page writer that adds the headers every
 * such page carries: no-store, X-Frame-Options: DENY, a
 * Content-Security-Policy without external assets or framing
 * (frame-ancestors 'none'), Referrer-Policy: no-referrer,
 * X-Content-Type-Options: nosniff; and the one table of error pages, the
 * only writer of an HTML error.  Pages work without JavaScript.
 */
#ifndef CPASSPORT_HTML_H
#define CPASSPORT_HTML_H

#include "http/http.h"

/* Escape & < > " ' for text and attribute values, into the arena. */
char	*html_escape(struct arena *, const char *);

/*
 * Write a whole page: status, <title>, and body_html (already escaped
 * where it holds data) inside the common layout and style.
 */
void	html_page(struct http_response *, int status, const char *title,
	    const char *body_html);

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
	REFUSED_PAGE(X, PAGE_NOT_FOUND, 404, "Not found.")		\
	REFUSED_PAGE(X, PAGE_NO_SUCH_CLIENT, 404, "No such client.")	\
	REFUSED_PAGE(X, PAGE_METHOD, 405, "Method not allowed.")	\
	REFUSED_PAGE(X, PAGE_INTERNAL, 500, "Internal error.")		\
	REFUSED_PAGE(X, PAGE_BAD_ISSUER, 500,				\
	    "The issuer in the configuration is not a URL.")		\
	REFUSED_PAGE(X, PAGE_UNAVAILABLE, 503, "The service is "	\
	    "temporarily unavailable; try again in a moment.")		\
	/* authorize.fcgi: the login form, shown again with why */	\
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

enum error_page {
#define X(e, status, title, heading, text, tail) e,
	ERROR_PAGES(X)
#undef X
	PAGE__MAX
};

/*
 * The status and text of p, for a page that is a form shown again with
 * why (the login form, authorize_pages.h); text NULL: no message.
 */
int		 page_status(enum error_page p);
const char	*page_text(enum error_page p);

/* Write error page p from the table. */
void	page_error(struct http_response *, enum error_page p);

/*
 * The same with what the request adds: message, escaped here, stands
 * for a NULL text (it is one of our constant descriptions); detail_html
 * (already escaped, or NULL) goes between the text and the tail.
 */
void	page_error_with(struct http_response *, enum error_page p,
	    const char *message, const char *detail_html);

#endif
