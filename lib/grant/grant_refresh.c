/*
 * Refresh token grant, RFC 6749 §6, with rotation: every use returns a
 * new refresh token and retires the old one; presenting a retired one
 * again revokes its whole family and the access tokens issued from it
 * (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2).  The old token's row is locked
 * FOR UPDATE, so of two concurrent refreshes exactly one succeeds; the
 * other, by the same client within refresh_token_grace_period of the
 * rotation, is a race (two tabs, a retry whose answer was lost), not
 * theft: invalid_grant, and the winner's tokens live on.
 */
#include <string.h>

#include "crypto/secret.h"
#include "grant/grants.h"
#include "grant/issue.h"

/*
 * RFC 6749 §6: the scope asked on refresh, registered names only (§3.3),
 * must lie within the scope originally granted (scope_within): a
 * narrower one is allowed, a wider one never, and an empty grant admits
 * no name.  Omitted, it is the original grant.  What the client or user
 * hold ("*" included) cannot widen it; it only narrows.
 */
static enum oauth_error
refresh_scope(struct app *app, const struct token_params *tp,
    const struct refresh_row *row, const struct client *c,
    struct scope_set *out, const char **desc)
{
	struct scope_set	orig, req, user;
	enum oauth_error	e = OAUTH_OK;

	memset(out, 0, sizeof(*out));
	if (scope_parse(row->scopes, &orig) == -1)
		return OAUTH_SERVER_ERROR;
	if (tp->v[TP_SCOPE].s == NULL)
		scope_copy(&req, &orig);
	else if ((e = grant_scope_request(app, tp->v[TP_SCOPE].s, &req,
	    desc)) != OAUTH_OK) {
		scope_free(&orig);
		return e;
	}
	if (!scope_within(&req, &orig)) {
		*desc = "scope wider than originally granted";
		e = OAUTH_INVALID_SCOPE;
	} else if (scope_parse(row->user_scopes ? row->user_scopes : "",
	    &user) == 0) {
		/* The user may have lost scopes since: narrow to now. */
		scope_narrow(&req, &c->scopes, &user, out);
		scope_free(&user);
	}
	scope_free(&orig);
	scope_free(&req);
	return e;
}

/* Checks on the locked row; a reused token revokes its family. */
static enum oauth_error
check_row(struct app *app, const struct client *c,
    const struct refresh_row *row, const char **desc)
{
	enum db_status	s;

	*desc = "invalid refresh token";
	/* Another client's presentation never touches the family. */
	if (strcmp(row->client_id, c->id) != 0)
		return OAUTH_INVALID_GRANT;
	/* RFC 9700 §4.14.2 detects reuse; a rotation just now is a race. */
	if (row->just_rotated) {
		*desc = "refresh token already rotated";
		return OAUTH_INVALID_GRANT;
	}
	if (row->used || row->revoked) {
		if ((s = db_token_revoke_family(app->db, row->family_id)) !=
		    DB_OK || (s = db_commit(app->db)) != DB_OK)
			return oauth_db_error(s);
		*desc = "refresh token reused: its family is revoked";
		return OAUTH_INVALID_GRANT;
	}
	if (row->expired)
		return OAUTH_INVALID_GRANT;
	if (row->user_id != NULL && row->user_revoked) {
		*desc = "the user is disabled";
		return OAUTH_INVALID_GRANT;
	}
	return OAUTH_OK;
}

static enum oauth_error
rotate(struct app *app, const struct client *c, const struct refresh_row *row,
    const char *old_hash, const struct scope_set *granted,
    struct http_response *r, const char **desc)
{
	struct issue_request	ir;
	struct issued		t;
	enum oauth_error	e;
	enum db_status		s;
	int			rotated;

	memset(&ir, 0, sizeof(ir));
	ir.user_id = row->user_id;
	ir.client_id = c->id;
	ir.scopes = granted;
	ir.with_refresh = 1;
	if ((e = issue_mint(app, &ir, &t)) != OAUTH_OK)
		goto out;
	t.row.refresh_scopes = row->scopes;
	s = db_token_rotate(app->db, old_hash, &t.row, &rotated);
	if (s == DB_OK && !rotated) {
		*desc = "invalid refresh token";
		e = OAUTH_INVALID_GRANT;
	} else if (s != DB_OK || (s = db_commit(app->db)) != DB_OK)
		e = oauth_db_error(s);
	else
		issue_respond(r, &t);
out:
	issue_clear(&t);
	return e;
}

enum oauth_error
grant_refresh_token(struct app *app, const struct client *c,
    const struct token_params *tp, struct http_response *r,
    const char **desc)
{
	const char		*rt = tp->v[TP_REFRESH_TOKEN].s;
	char			 hash[SECRET_HASH_HEX + 1];
	struct refresh_row	 row;
	struct scope_set	 granted;
	enum oauth_error	 e;
	enum db_status		 s;
	int			 found;

	if (rt == NULL) {
		*desc = "refresh_token is required";
		return OAUTH_INVALID_REQUEST;
	}
	secret_hash_hex(rt, tp->v[TP_REFRESH_TOKEN].len, hash);
	if ((s = db_begin(app->db)) != DB_OK)
		return oauth_db_error(s);
	s = db_token_refresh_lock(app->db, hash,
	    app->cfg.refresh_token_grace_period, &row, &found);
	if (s != DB_OK) {
		db_rollback(app->db);
		return oauth_db_error(s);
	}
	if (!found) {
		*desc = "invalid refresh token";
		e = OAUTH_INVALID_GRANT;
	} else if ((e = check_row(app, c, &row, desc)) == OAUTH_OK &&
	    (e = refresh_scope(app, tp, &row, c, &granted, desc)) == OAUTH_OK) {
		e = rotate(app, c, &row, hash, &granted, r, desc);
		scope_free(&granted);
	}
	db_rollback(app->db);	/* a no-op after a commit */
	db_token_refresh_free(&row);
	return e;
}
