/*
 * The pages of the authorization endpoint: login form, consent screen,
 * and those of /oauth/logout (the error pages are html.h's table).
 * Every value shown is escaped; the login and consent forms post back
 * to /oauth/authorize carrying the authorization request in "request".
 * No external assets, labels on every input, no JavaScript but the
 * form_post answer's submit (which works without it too).
 */
#ifndef CPASSPORT_AUTHORIZE_PAGES_H
#define CPASSPORT_AUTHORIZE_PAGES_H

#include "http/html.h"

struct scope_line {
	const char	*name;
	const char	*description;
};

/* The login form; its status and message are those of why (html.h). */
void	page_login(struct http_response *, enum page why,
	    const char *request, const char *login_token,
	    const char *client_name, const char *email);
void	page_consent(struct http_response *, const char *request,
	    const char *csrf, const char *client_name, const char *user,
	    const struct scope_line *, size_t nscopes);
/*
 * prompt=select_account (Core §3.1.2.1): go on as the signed-in user
 * (action "continue", with the session's CSRF token) or sign in as
 * another (action "switch": the login form).
 */
void	page_select_account(struct http_response *, const char *request,
	    const char *csrf, const char *client_name, const char *user);
/*
 * The form_post answer (OAuth 2.0 Form Post Response Mode §2): a form
 * POSTing the pairs (name, value, …, NULL; a NULL value skips its pair)
 * to action, the redirect URI, submitted by the page's one script or,
 * without JavaScript, by its button.
 */
void	page_form_post(struct http_response *, const char *action,
	    const char *const *pairs);
/*
 * /oauth/logout's question (RP-Initiated Logout 1.0 §2: the OP asks
 * whether the user wants to sign out): who is signed in, the
 * applications the session signed in to, a warning when the request was
 * made for another session, and where the browser goes afterwards; its
 * form POSTs csrf back with the request's client_id,
 * post_logout_redirect_uri and state (hidden, when redirect is set).
 */
struct logout_confirm {
	const char		 *csrf;
	const char		 *user;
	const char *const	 *apps;		/* names */
	size_t			  napps;
	int			  other_session;
	const char		 *client_id;	/* NULL: none */
	const char		 *client_name;
	const char		 *redirect;	/* NULL: no redirect */
	const char		 *state;
};

void	page_logout_confirm(struct http_response *,
	    const struct logout_confirm *);
/* No session; done. */
void	page_not_signed_in(struct http_response *);
void	page_logged_out(struct http_response *);

#endif
