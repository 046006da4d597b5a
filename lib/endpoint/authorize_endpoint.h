/*
 * The authorization endpoint (RFC 6749 §3.1, §4.1.1-4.1.2) and its
 * companions, one program: GET/POST /oauth/authorize (login form, consent
 * screen, approve or deny), GET /oauth/request?client=ID (the seed's
 * shortcut) and /oauth/logout (logout_endpoint.h).  The program's routes;
 * each handler's ctx is a struct app.
 */
#ifndef CPASSPORT_AUTHORIZE_ENDPOINT_H
#define CPASSPORT_AUTHORIZE_ENDPOINT_H

#include "http/route.h"

extern const struct router authorize_router;

#endif
