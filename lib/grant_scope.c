/* Scope resolution shared by the grants; see grants.h. */
#include <string.h>

#include "db_scope.h"
#include "grants.h"
#include "issue.h"

enum oauth_error
grant_scope(struct app *app, const char *text, const struct scope_set *client,
    const struct scope_set *user, struct scope_set *out, const char **desc)
{
	struct scope_set	req;
	enum db_status		s;
	int			known;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		text = app->cfg.default_scope;
	/* RFC 6749 §3.3 */
	if (scope_parse(text, &req) == -1) {
		*desc = "malformed scope";
		return OAUTH_INVALID_SCOPE;
	}
	if ((s = db_scope_known(app->db, &req, &known)) != DB_OK) {
		scope_free(&req);
		return issue_db_error(s);
	}
	if (!known) {
		scope_free(&req);
		*desc = "unknown scope";
		return OAUTH_INVALID_SCOPE;
	}
	scope_narrow(&req, client, user, out);
	scope_free(&req);
	return OAUTH_OK;
}
