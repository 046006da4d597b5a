/*
 * Refresh token grant, RFC 6749 §6, with rotation: every use returns a
 * new refresh token and retires the old one; presenting a retired one
 * again revokes its whole family and the access tokens issued from it
 * (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2).  The old token's row is locked
 * FOR UPDATE, so of two concurrent refreshes exactly one succeeds; the
 * other, by the same client within refresh_token_grace_period of the
 * rotation, is a race (two tabs, a retry whose answer was lost), not
 * theft: invalid_grant, and the winner's tokens live on.  A family an
 * openid code exchange began gets a new id_token with each refresh whose
 * scope holds openid (OpenID Connect Core §12.2).
 */
#include <string.h>

#include "crypto/secret.h"
#include "grant/grants.h"
#include "grant/id_token.h"
#include "grant/issue.h"

#define INVALID_REFRESH	"invalid refresh token"

/*
 * RFC 6749 §6: the scope asked on refresh, registered names only (§3.3),
 * must lie within the scope originally granted (scope_within): a
 * narrower one is allowed, a wider one never, and an empty grant admits
 * no name.  Omitted, it is the original grant.  What the client or user
 * hold ("*" included) cannot widen it; it only narrows.
 */
static struct oauth_outcome
refresh_scope(struct app *app, const struct token_params *tp,
    const struct refresh_row *row, const struct client *c,
    struct scope_set *out)
{
	struct scope_set	orig, req, user;
	struct oauth_outcome	o = OAUTH_OUTCOME(OAUTH_OK, NULL);

	memset(out, 0, sizeof(*out));
	if (scope_parse(row->scopes, &orig) == -1)
		return OAUTH_OUTCOME(OAUTH_SERVER_ERROR, NULL);
	if (tp->v[TP_SCOPE].s == NULL)
		req = orig;
	else if ((o = grant_scope_request(app, tp->v[TP_SCOPE].s,
	    &req)).error != OAUTH_OK)
		return o;
	if (!scope_within(&req, &orig))
		o = OAUTH_OUTCOME(OAUTH_INVALID_SCOPE,
		    "scope wider than originally granted");
	else if (grant_user_scopes(row->user_scopes ? row->user_scopes : "",
	    &user) == 0)
		/* The user may have lost scopes since: narrow to now. */
		scope_narrow(&req, &c->scopes, &user, out);
	return o;
}

/* Checks on the locked row; a reused token revokes its family. */
static struct oauth_outcome
check_row(struct app *app, const struct client *c,
    const struct refresh_row *row)
{
	enum db_status	s;

	/* Another client's presentation never touches the family. */
	if (strcmp(row->client_id, c->id) != 0)
		return OAUTH_OUTCOME(OAUTH_INVALID_GRANT, INVALID_REFRESH);
	/* RFC 9700 §4.14.2 detects reuse; a rotation just now is a race. */
	if (row->just_rotated)
		return OAUTH_OUTCOME(OAUTH_INVALID_GRANT,
		    "refresh token already rotated");
	if (row->used || row->revoked) {
		if ((s = db_token_revoke_family(app->db, row->family_id)) !=
		    DB_OK || (s = db_commit(app->db)) != DB_OK)
			return OAUTH_OUTCOME(oauth_db_error(s), NULL);
		return OAUTH_OUTCOME(OAUTH_INVALID_GRANT,
		    "refresh token reused: its family is revoked");
	}
	if (row->expired)
		return OAUTH_OUTCOME(OAUTH_INVALID_GRANT, INVALID_REFRESH);
	if (row->user_id != NULL && row->user_revoked)
		return OAUTH_OUTCOME(OAUTH_INVALID_GRANT,
		    "the user is disabled");
	return OAUTH_OUTCOME(OAUTH_OK, NULL);
}

static struct oauth_outcome
rotate(const struct token_params *tp, struct app *app, const struct client *c,
    const struct refresh_row *row, const char *old_hash,
    const struct scope_set *granted, struct issued *t)
{
	struct issue_request	ir;
	enum oauth_error	e;
	enum db_status		s;
	int			rotated;

	memset(&ir, 0, sizeof(ir));
	ir.user_id = row->user_id;
	ir.client_id = c->id;
	ir.scopes = granted;
	ir.with_refresh = 1;
	if ((e = issue_mint(app, &ir, t)) != OAUTH_OK)
		return OAUTH_OUTCOME(e, NULL);
	t->row.refresh_scopes = row->scopes;
	/* The OpenID context goes on with the family (Core §12.2). */
	t->row.auth_time = row->auth_time;
	t->row.sid = row->sid;
	t->row.amr = row->amr;
	/*
	 * Core §12.2: the refreshed id_token of a family an openid code
	 * exchange began says the first one's sub, auth_time, sid and amr,
	 * and no nonce (it binds the authentication request, which a
	 * refresh is not).
	 */
	if (row->auth_time != 0 && id_token_wanted(granted) &&
	    (e = id_token_issue(tp->arena, app, c, granted, NULL, t)) !=
	    OAUTH_OK)
		return OAUTH_OUTCOME(e, NULL);
	s = db_token_rotate(app->db, old_hash, &t->row, &rotated);
	if (s == DB_OK && !rotated)
		return OAUTH_OUTCOME(OAUTH_INVALID_GRANT, INVALID_REFRESH);
	if (s == DB_OK)
		s = db_commit(app->db);
	return OAUTH_OUTCOME(oauth_db_error(s), NULL);
}

struct oauth_outcome
grant_refresh_token(struct app *app, const struct client *c,
    const struct token_params *tp, struct issued *t)
{
	const char		*rt = tp->v[TP_REFRESH_TOKEN].s;
	char			 hash[SECRET_HASH_HEX + 1];
	struct refresh_row	 row;
	struct scope_set	 granted;
	struct oauth_outcome	 o;
	enum db_status		 s;
	int			 found;

	if (rt == NULL)
		return OAUTH_OUTCOME(OAUTH_INVALID_REQUEST,
		    "refresh_token is required");
	secret_hash_hex(rt, tp->v[TP_REFRESH_TOKEN].len, hash);
	if ((s = db_begin(app->db)) != DB_OK)
		return OAUTH_OUTCOME(oauth_db_error(s), NULL);
	s = db_token_refresh_lock(tp->arena, app->db, hash,
	    app->cfg.refresh_token_grace_period, &row, &found);
	if (s != DB_OK) {
		db_rollback(app->db);
		return OAUTH_OUTCOME(oauth_db_error(s), NULL);
	}
	if (!found)
		o = OAUTH_OUTCOME(OAUTH_INVALID_GRANT, INVALID_REFRESH);
	else if ((o = check_row(app, c, &row)).error == OAUTH_OK &&
	    (o = refresh_scope(app, tp, &row, c, &granted)).error ==
	    OAUTH_OK)
		o = rotate(tp, app, c, &row, hash, &granted, t);
	db_rollback(app->db);	/* a no-op after a commit */
	return o;
}
