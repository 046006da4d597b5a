/* Password grant; see grant_password.h. */
#include <string.h>

#include "db_scope.h"
#include "db_user.h"
#include "grant_password.h"
#include "issue.h"
#include "password.h"
#include "valid.h"

static enum oauth_error
db_error(enum db_status s)
{
	return s == DB_UNAVAILABLE ? OAUTH_TEMPORARILY_UNAVAILABLE :
	    OAUTH_SERVER_ERROR;
}

enum oauth_error
grant_password(struct app *app, const struct client *c,
    const struct token_params *tp, struct http_response *r,
    const char **desc)
{
	const char		*username = tp->v[TP_USERNAME].s;
	const char		*password = tp->v[TP_PASSWORD].s;
	const char		*scope = tp->v[TP_SCOPE].s;
	struct scope_set	 req, granted;
	struct user		 u;
	struct issue_request	 ir;
	enum oauth_error	 e;
	enum db_status		 s;
	int			 found = 0, known, ok;

	memset(&req, 0, sizeof(req));
	memset(&granted, 0, sizeof(granted));
	memset(&u, 0, sizeof(u));
	if (username == NULL || password == NULL) {
		*desc = "username and password are required";
		return OAUTH_INVALID_REQUEST;
	}
	if (scope == NULL)
		scope = app->cfg.default_scope;
	if (scope_parse(scope, &req) == -1) {
		*desc = "malformed scope";
		return OAUTH_INVALID_SCOPE;
	}
	if ((s = db_scope_known(app->db, &req, &known)) != DB_OK) {
		e = db_error(s);
		goto out;
	}
	if (!known) {
		*desc = "unknown scope";
		e = OAUTH_INVALID_SCOPE;
		goto out;
	}
	if (email_valid(username) && (s = db_user_find_by_email(app->db,
	    username, &u, &found)) != DB_OK) {
		e = db_error(s);
		goto out;
	}
	/*
	 * The same work and the same answer whether or not the account
	 * exists: password_verify(…, NULL) spends one bcrypt's time.
	 */
	ok = password_verify(password, found ? u.password : NULL);
	if (!ok || !found || u.revoked) {
		*desc = "the user credentials are incorrect";
		e = OAUTH_INVALID_GRANT;
		goto out;
	}
	/* A token never carries a scope its user does not hold. */
	scope_narrow(&req, &c->scopes, &u.scopes, &granted);
	memset(&ir, 0, sizeof(ir));
	ir.user_id = u.id;
	ir.client_id = c->id;
	ir.scopes = &granted;
	ir.with_refresh = 1;	/* as Passport: the seed's response has one */
	e = issue_tokens(app, &ir, r);
out:
	scope_free(&req);
	scope_free(&granted);
	db_user_free(&u);
	return e;
}
