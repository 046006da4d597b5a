/* Resource owner password credentials grant, RFC 6749 §4.3. */
#include <string.h>

#include "auth/credentials.h"
#include "grant/grants.h"
#include "grant/issue.h"

enum oauth_error
grant_password(struct app *app, const struct client *c,
    const struct token_params *tp, struct http_response *r,
    const char **desc)
{
	const char		*username = tp->v[TP_USERNAME].s;
	const char		*password = tp->v[TP_PASSWORD].s;
	struct scope_set	 granted;
	struct user		 u;
	struct issue_request	 ir;
	enum credentials_result	 res;
	enum oauth_error	 e;
	enum db_status		 s;
	long			 wait;

	memset(&u, 0, sizeof(u));
	if (username == NULL || password == NULL) {
		*desc = "username and password are required";
		return OAUTH_INVALID_REQUEST;
	}
	s = credentials_check(app, username, password, tp->remote_addr, &u,
	    &res, &wait);
	if (s != DB_OK)
		return oauth_db_error(s);
	/* The login form's throttle guards the password grant too. */
	if (res == CREDENTIALS_THROTTLED) {
		http_resp_header(r, "Retry-After", "%ld", wait);
		*desc = "too many failed attempts; retry later";
		return OAUTH_TOO_MANY_REQUESTS;
	}
	if (res != CREDENTIALS_OK) {
		*desc = "the user credentials are incorrect";
		return OAUTH_INVALID_GRANT;
	}
	/* A token never carries a scope its user does not hold. */
	e = grant_scope(app, tp->v[TP_SCOPE].s, &c->scopes, &u.scopes,
	    &granted, desc);
	if (e != OAUTH_OK)
		goto out;
	memset(&ir, 0, sizeof(ir));
	ir.user_id = u.id;
	ir.client_id = c->id;
	ir.scopes = &granted;
	ir.with_refresh = 1;	/* as Passport: the seed's response has one */
	e = issue_tokens(app, &ir, r);
	scope_free(&granted);
out:
	db_user_free(&u);
	return e;
}
