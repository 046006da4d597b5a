/* Resource owner password credentials grant, RFC 6749 §4.3. */
#include <string.h>

#include "db_user.h"
#include "grants.h"
#include "issue.h"
#include "password.h"
#include "throttle.h"
#include "valid.h"

/*
 * The login form's throttle guards the password grant too: 429 with
 * Retry-After while the account or the address is blocked.
 */
static enum oauth_error
throttled(struct app *app, const char *username, const char *address,
    struct http_response *r, const char **desc)
{
	enum db_status	s;
	long		wait;

	if ((s = throttle_wait(app, username, address, &wait)) != DB_OK)
		return issue_db_error(s);
	if (wait == 0)
		return OAUTH_OK;
	http_resp_header(r, "Retry-After", "%ld", wait);
	*desc = "too many failed attempts; retry later";
	return OAUTH_TOO_MANY_REQUESTS;
}

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
	enum oauth_error	 e;
	enum db_status		 s;
	int			 found = 0, ok;

	memset(&u, 0, sizeof(u));
	if (username == NULL || password == NULL) {
		*desc = "username and password are required";
		return OAUTH_INVALID_REQUEST;
	}
	if ((e = throttled(app, username, tp->remote_addr, r, desc)) !=
	    OAUTH_OK)
		return e;
	if (email_valid(username) && (s = db_user_find_by_email(app->db,
	    username, &u, &found)) != DB_OK)
		return issue_db_error(s);
	/*
	 * The same work and the same answer whether or not the account
	 * exists: password_verify(…, NULL) spends one bcrypt's time.
	 */
	ok = password_verify(password, found ? u.password : NULL);
	if (!ok || !found || u.revoked) {
		throttle_failed(app, username, tp->remote_addr);
		*desc = "the user credentials are incorrect";
		e = OAUTH_INVALID_GRANT;
		goto out;
	}
	throttle_succeeded(app, username);
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
