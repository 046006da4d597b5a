/* Client credentials grant, RFC 6749 §4.4. */
#include <string.h>

#include "grant/grants.h"
#include "grant/issue.h"

/*
 * The token acts as the client's owner when it has one (docs/DESIGN.md
 * "Tokens"), so its scopes are bounded by what the owner holds; without
 * an owner, by the client's own list.  "sub" is the owner, else the client id
 * (RFC 9068 §2.2).  No refresh token (RFC 6749 §4.4.3).  The insert
 * itself checks that c (perhaps the process's cached copy) is current,
 * so a grant that names no scope (and no default_scope is set) is one
 * SQL statement; named scopes are looked up in the registry first.
 */
struct oauth_outcome
grant_client_credentials(struct app *app, const struct client *c,
    const struct token_params *tp, struct issued *t)
{
	static const struct scope_set	 everything = { { "*" }, 1 };
	struct scope_set		 granted;
	struct issue_request		 ir;
	struct oauth_outcome		 o;
	enum db_status			 s;
	int				 stored;

	/* RFC 6749 §4.4: "MUST only be used by confidential clients". */
	if (c->secret_hex == NULL)
		return OAUTH_OUTCOME(OAUTH_UNAUTHORIZED_CLIENT,
		    "public clients may not use client_credentials");
	if (c->user_id != NULL && c->owner_revoked)
		return OAUTH_OUTCOME(OAUTH_INVALID_GRANT,
		    "the client's owner is disabled");
	o = grant_scope(app, tp->v[TP_SCOPE].s, &c->scopes,
	    c->user_id != NULL ? &c->owner_scopes : &everything, &granted);
	if (o.error != OAUTH_OK)
		return o;
	memset(&ir, 0, sizeof(ir));
	ir.user_id = c->user_id;
	ir.client_id = c->id;
	ir.scopes = &granted;
	if ((o.error = issue_mint(app, &ir, t)) == OAUTH_OK) {
		s = db_token_insert_current(app->db, &t->row, c->version,
		    c->owner_version, &stored);
		if (s != DB_OK)
			o.error = oauth_db_error(s);
		else if (!stored)
			o.error = OAUTH_CLIENT_CHANGED;
	}
	return o;
}
