/*
 * Login CSRF (RFC 6749 §10.12; the "double submit cookie"): the login
 * form carries a token that must equal a cookie set with the form.  The
 * cookie is SameSite=Lax, so a cross-site POST does not carry it, and
 * HttpOnly, __Host- over TLS, so another site can neither read nor plant
 * it.  Without this, a page elsewhere could post its own credentials to
 * the login form and sign the visitor in as the attacker, whose account
 * the visitor would then connect to the client.
 */
#ifndef CPASSPORT_LOGIN_CSRF_H
#define CPASSPORT_LOGIN_CSRF_H

#include "app/app.h"
#include "crypto/secret.h"
#include "http/http.h"

/*
 * The token for a login form into out, and its cookie on r.  A request
 * that already has a well-formed cookie keeps its token, so two open
 * login forms both stay valid.  0, or -1 when RAND_bytes failed.
 */
int	login_csrf_issue(const struct app *, const struct http_request *,
	    struct http_response *, char out[SECRET_TEXT_LEN + 1]);
/* 1 when token equals the request's cookie (constant time), else 0. */
int	login_csrf_valid(const struct app *, const struct http_request *,
	    const char *token);

#endif
