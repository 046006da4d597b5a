/* Resource owner password credentials grant, RFC 6749 §4.3. */
#include <string.h>

#include "auth/credentials.h"
#include "grant/grants.h"
#include "grant/issue.h"

struct oauth_outcome
grant_password(struct app *app, const struct client *c,
    const struct token_params *tp, struct issued *t)
{
	const char		*username = tp->v[TP_USERNAME].s;
	const char		*password = tp->v[TP_PASSWORD].s;
	struct scope_set	 granted;
	struct user		 u;
	struct issue_request	 ir;
	struct oauth_outcome	 o;
	enum credentials_result	 res;
	enum db_status		 s;
	long			 wait;

	memset(&u, 0, sizeof(u));
	if (username == NULL || password == NULL)
		return OAUTH_OUTCOME(OAUTH_INVALID_REQUEST,
		    "username and password are required");
	s = credentials_check(tp->arena, app, username, password,
	    tp->remote_addr, &u, &res, &wait);
	if (s != DB_OK)
		return OAUTH_OUTCOME(oauth_db_error(s), NULL);
	/* The login form's throttle guards the password grant too. */
	if (res == CREDENTIALS_THROTTLED) {
		o = OAUTH_OUTCOME(OAUTH_TOO_MANY_REQUESTS,
		    "too many failed attempts; retry later");
		o.retry_after = wait;
		return o;
	}
	if (res != CREDENTIALS_OK)
		return OAUTH_OUTCOME(OAUTH_INVALID_GRANT,
		    "the user credentials are incorrect");
	/* A token never carries a scope its user does not hold. */
	o = grant_scope(app, tp->v[TP_SCOPE].s, &c->scopes, &u.scopes,
	    &granted);
	if (o.error != OAUTH_OK)
		return o;
	memset(&ir, 0, sizeof(ir));
	ir.user_id = u.id;
	ir.client_id = c->id;
	ir.scopes = &granted;
	ir.with_refresh = 1;	/* as Passport: the seed's response has one */
	o.error = issue_tokens(app, &ir, t);
	return o;
}
