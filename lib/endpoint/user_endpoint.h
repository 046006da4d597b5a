/*
 * GET /api/user: the protected API example.  Authorization: Bearer (RFC
 * 6750 §2.1) → access_token_check() → {"id":…,"name":…,"email":…}.
 * An http_handler whose ctx is a struct app.
 */
#ifndef CPASSPORT_USER_ENDPOINT_H
#define CPASSPORT_USER_ENDPOINT_H

#include "http/route.h"

void	user_endpoint(void *app, const struct http_request *,
	    struct http_response *);

/* The program's routes: /api/user and /oauth/userinfo (userinfo_endpoint.h). */
extern const struct router user_router;

#endif
