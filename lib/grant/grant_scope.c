/* Scope resolution shared by the grants; see grants.h. */
#include <string.h>

#include "grant/grants.h"
#include "grant/issue.h"
#include "store/db_scope.h"

enum oauth_error
grant_scope_request(struct app *app, const char *text, struct scope_set *req,
    const char **desc)
{
	enum db_status	s;
	int		known;

	/* RFC 6749 §3.3 */
	if (scope_parse(text, req) == -1) {
		*desc = "malformed scope";
		return OAUTH_INVALID_SCOPE;
	}
	if ((s = db_scope_known(app->db, req, &known)) != DB_OK) {
		scope_free(req);
		return oauth_db_error(s);
	}
	if (!known) {
		scope_free(req);
		*desc = "unknown scope";
		return OAUTH_INVALID_SCOPE;
	}
	return OAUTH_OK;
}

enum oauth_error
grant_scope(struct app *app, const char *text, const struct scope_set *client,
    const struct scope_set *user, struct scope_set *out, const char **desc)
{
	struct scope_set	req;
	enum oauth_error	e;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		text = app->cfg.default_scope;
	if ((e = grant_scope_request(app, text, &req, desc)) != OAUTH_OK)
		return e;
	scope_narrow(&req, client, user, out);
	scope_free(&req);
	return OAUTH_OK;
}
