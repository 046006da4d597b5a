/*
 * The token endpoint's grants (RFC 6749 §4.1.3, §4.3, §4.4, §6).  Each
 * takes the authenticated client and the parsed parameters and returns
 * its outcome: on OAUTH_OK *t holds the tokens it issued and stored, for
 * the endpoint to answer with (issue_respond()); on error a constant
 * description says why.  Either way the caller, who zeroed *t, releases
 * it with issue_clear().
 */
#ifndef CPASSPORT_GRANTS_H
#define CPASSPORT_GRANTS_H

#include "app/app.h"
#include "grant/issue.h"
#include "grant/token_params.h"
#include "http/oauth_error.h"
#include "parse/scope.h"
#include "store/db_client.h"

typedef struct oauth_outcome (*grant_fn)(struct app *, const struct client *,
		    const struct token_params *, struct issued *t);

struct oauth_outcome grant_authorization_code(struct app *,
		    const struct client *, const struct token_params *,
		    struct issued *);
struct oauth_outcome grant_password(struct app *, const struct client *,
		    const struct token_params *, struct issued *);
struct oauth_outcome grant_client_credentials(struct app *,
		    const struct client *, const struct token_params *,
		    struct issued *);
struct oauth_outcome grant_refresh_token(struct app *, const struct client *,
		    const struct token_params *, struct issued *);

/*
 * A requested scope list as every grant takes it: it must parse and name
 * registered scopes (RFC 6749 §3.3), else OAUTH_INVALID_SCOPE.
 */
struct oauth_outcome grant_scope_request(struct app *, const char *text,
		    struct scope_set *req);

/*
 * The scopes a new token gets: the requested list (or the config's
 * default_scope when text is NULL) is checked by grant_scope_request();
 * the result is narrowed by what the client may ask and what the user
 * holds (scope_narrow).
 */
struct oauth_outcome grant_scope(struct app *, const char *text,
		    const struct scope_set *client,
		    const struct scope_set *user, struct scope_set *out);

/*
 * What a user's held scopes (text, a users row's list) let an
 * authorization code grant give: those, and the OpenID Connect identity
 * scopes (Core §5.4: openid, profile, email).  Those release only the
 * user's own sign-in, name and address, which the user gives by
 * consenting; they are not a permission an operator hands out, so a user
 * holding none still signs in.  The client's own list still bounds them.
 * 0, or -1 when text is malformed.
 */
int		 grant_user_scopes(const char *text, struct scope_set *out);

#endif
