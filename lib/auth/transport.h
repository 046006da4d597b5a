/*
 * Whether a request may carry credentials (a client secret, a password,
 * a Bearer token) over the connection it came on: the one rule that every
 * endpoint taking them shares.
 */
#ifndef CPASSPORT_TRANSPORT_H
#define CPASSPORT_TRANSPORT_H

#include "app/app.h"
#include "http/http.h"

/*
 * 1 when the request came over TLS (HTTPS=on from the web server), from a
 * loopback address, or the config sets allow_plain_http; else 0: the
 * caller answers 400 invalid_request (RFC 6749 §1.6, §3.2; RFC 6750
 * §5.3).  X-Forwarded-Proto is the client's word and is never trusted.
 */
int	transport_allowed(const struct app *, const struct http_request *);

#endif
