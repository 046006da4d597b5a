/* Scope resolution shared by the grants; see grants.h. */
#include <stdio.h>
#include <string.h>

#include "grant/grants.h"
#include "grant/issue.h"
#include "store/db_scope.h"

struct oauth_outcome
grant_scope_request(struct app *app, const char *text, struct scope_set *req)
{
	enum db_status	s;
	int		known;

	/* RFC 6749 §3.3 */
	if (scope_parse(text, req) == -1)
		return OAUTH_OUTCOME(OAUTH_INVALID_SCOPE, "malformed scope");
	if ((s = db_scope_known(app->db, req, &known)) != DB_OK)
		return OAUTH_OUTCOME(oauth_db_error(s), NULL);
	if (!known)
		return OAUTH_OUTCOME(OAUTH_INVALID_SCOPE, "unknown scope");
	return OAUTH_OUTCOME(OAUTH_OK, NULL);
}

struct oauth_outcome
grant_scope(struct app *app, const char *text, const struct scope_set *client,
    const struct scope_set *user, struct scope_set *out)
{
	struct scope_set	req;
	struct oauth_outcome	o;

	memset(out, 0, sizeof(*out));
	if (text == NULL)
		text = app->cfg.default_scope;
	if ((o = grant_scope_request(app, text, &req)).error != OAUTH_OK)
		return o;
	scope_narrow(&req, client, user, out);
	return o;
}

int
grant_user_scopes(const char *text, struct scope_set *out)
{
	static const char *const identity[] = { "openid", "profile", "email" };
	size_t	i;

	if (scope_parse(text, out) == -1)
		return -1;
	for (i = 0; i < sizeof(identity) / sizeof(identity[0]); i++)
		if (!scope_allows(out, identity[i]) &&
		    out->n < SCOPE_MAX_ITEMS)
			snprintf(out->items[out->n++], sizeof(out->items[0]),
			    "%s", identity[i]);
	return 0;
}
