/*
 * callback.fcgi: the ready-made client of the seed's first flow, an
 * OAuth client living on the server itself (configured by the
 * callback_* keys of cpassport.conf(5)).
 *
 * GET /callback/start: begins the flow (RFC 9700 §2.1): a fresh state
 *   and PKCE verifier (RFC 7636 §4.1) kept in a cookie (HttpOnly,
 *   SameSite=Lax, Path=/, 10 minutes; __Host-cpassport_callback and
 *   Secure over TLS or wherever plain http is not allowed, else
 *   cpassport_callback), then a 302 to the authorization endpoint with
 *   the S256 challenge (RFC 7636 §4.2, §4.3).  /oauth/request starts
 *   here for the callback's own client (callback_uri.h).
 * GET /callback?code=…&state=… (RFC 6749 §4.1.2) or ?error=… (§4.1.2.1):
 *   without that cookie, a 400 "Not started here" page and no exchange;
 *   a state that is not the cookie's, a 400 "State mismatch" page
 *   (RFC 6749 §10.12).  Else it exchanges the code at the token endpoint
 *   (§4.1.3) with HTTP Basic client authentication (§2.3.1) and the
 *   code_verifier, and shows the tokens: an HTML page, or the token
 *   endpoint's JSON when the request accepts application/json.  Every
 *   answer at /callback clears the cookie.
 *
 * Every answer is an HTML page (html_page()), except the redirect's
 * Location and that JSON.  Nothing the request or the token endpoint sent
 * is shown unescaped; no token, code or secret is logged.
 *
 * The program's routes; each handler's ctx is a struct app.  Any other
 * method than GET is 405 (HEAD too), any other path 404.
 */
#ifndef CPASSPORT_CALLBACK_ENDPOINT_H
#define CPASSPORT_CALLBACK_ENDPOINT_H

#include "http/route.h"

extern const struct router callback_router;

#endif
