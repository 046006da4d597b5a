/*
 * The token endpoint's grants (RFC 6749 §4.3, §4.4, §6).  Each takes the
 * authenticated client and the parsed parameters, writes the success
 * response into r and returns OAUTH_OK, or returns an error with a
 * constant *desc and writes nothing.
 */
#ifndef CPASSPORT_GRANTS_H
#define CPASSPORT_GRANTS_H

#include "app/app.h"
#include "grant/token_params.h"
#include "http/http.h"
#include "http/oauth_error.h"
#include "parse/scope.h"
#include "store/db_client.h"

typedef enum oauth_error (*grant_fn)(struct app *, const struct client *,
		    const struct token_params *, struct http_response *r,
		    const char **desc);

enum oauth_error grant_authorization_code(struct app *,
		    const struct client *, const struct token_params *,
		    struct http_response *, const char **);
enum oauth_error grant_password(struct app *, const struct client *,
		    const struct token_params *, struct http_response *,
		    const char **);
enum oauth_error grant_client_credentials(struct app *,
		    const struct client *, const struct token_params *,
		    struct http_response *, const char **);
enum oauth_error grant_refresh_token(struct app *, const struct client *,
		    const struct token_params *, struct http_response *,
		    const char **);

/*
 * A requested scope list as every grant takes it: it must parse and name
 * registered scopes (RFC 6749 §3.3), else OAUTH_INVALID_SCOPE.  On
 * OAUTH_OK the caller frees *req with scope_free(); else nothing is held.
 */
enum oauth_error grant_scope_request(struct app *, const char *text,
		    struct scope_set *req, const char **desc);

/*
 * The scopes a new token gets: the requested list (or the config's
 * default_scope when text is NULL) is checked by grant_scope_request();
 * the result is narrowed by what the client may ask and what the user
 * holds (scope_narrow).  On OAUTH_OK the caller frees *out with
 * scope_free().
 */
enum oauth_error grant_scope(struct app *, const char *text,
		    const struct scope_set *client,
		    const struct scope_set *user, struct scope_set *out,
		    const char **desc);

#endif
