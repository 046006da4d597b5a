/* The resource owner password credentials grant, RFC 6749 §4.3. */
#ifndef CPASSPORT_GRANT_PASSWORD_H
#define CPASSPORT_GRANT_PASSWORD_H

#include "app.h"
#include "db_client.h"
#include "http.h"
#include "oauth_error.h"
#include "token_params.h"

/*
 * Check the user's credentials and the scope, then issue an access and a
 * refresh token into r.  Returns OAUTH_OK or an error with *desc.
 */
enum oauth_error grant_password(struct app *, const struct client *,
		    const struct token_params *, struct http_response *r,
		    const char **desc);

#endif
