/*
 * Authorization code grant at the token endpoint, RFC 6749 §4.1.3, with
 * PKCE (RFC 7636 §4.6).  The code is consumed by the statement that reads
 * it, and only by the client it was issued to (§4.1.3): another client,
 * a public one with no secret included, neither burns it nor, presenting
 * it used, revokes what it gave.  Presented twice by its own client, it
 * revokes what it gave (RFC 6749 §4.1.2).  A redirect_uri or PKCE check
 * failed by its own client comes after the consume and burns the code:
 * that client restarts the flow.  A code whose scopes hold openid gets
 * an id_token too (OpenID Connect Core §3.1.3.3, grant/id_token.h).
 */
#include <string.h>

#include "crypto/pkce.h"
#include "crypto/secret.h"
#include "grant/grants.h"
#include "grant/id_token.h"
#include "grant/issue.h"
#include "parse/grant.h"
#include "store/db_code.h"

/*
 * Every check on a consumed code: NULL when it passes, else why it is
 * invalid_grant.
 */
static const char *
check_code(const struct token_params *tp, const struct code_row *row)
{
	const char	*redirect = tp->v[TP_REDIRECT_URI].s;
	const char	*verifier = tp->v[TP_CODE_VERIFIER].s;

	if (row->expired || row->user_revoked)
		return "invalid authorization code";
	/* §4.1.3: identical when it was in the authorization request. */
	if ((row->redirect_given || redirect != NULL) && (redirect == NULL ||
	    strcmp(redirect, row->redirect_uri) != 0))
		return "redirect_uri does not match the authorization request";
	if (row->challenge == NULL) {
		/* RFC 9700 §4.8.2: a verifier without a challenge is a
		 * downgrade attempt. */
		if (verifier != NULL)
			return "code_verifier without a code_challenge";
		return NULL;
	}
	if (verifier == NULL || !pkce_matches(row->method, row->challenge,
	    verifier))
		return "code_verifier does not match the code_challenge";
	return NULL;
}

static enum oauth_error
issue(const struct token_params *tp, struct app *app, const struct client *c,
    const struct code_row *row, const char *hash, struct issued *t)
{
	struct scope_set	 asked, user, granted;
	struct issue_request	 ir;
	enum oauth_error	 e;

	/* Narrowed again: the user or client may have lost scopes since. */
	if (scope_parse(row->scopes, &asked) == -1)
		return OAUTH_SERVER_ERROR;
	if (grant_user_scopes(row->user_scopes, &user) == -1)
		return OAUTH_SERVER_ERROR;
	scope_narrow(&asked, &c->scopes, &user, &granted);
	memset(&ir, 0, sizeof(ir));
	ir.user_id = row->user_id;
	ir.client_id = c->id;
	ir.scopes = &granted;
	ir.with_refresh = (c->grants & (1u << GRANT_REFRESH_TOKEN)) != 0;
	if ((e = issue_mint(app, &ir, t)) != OAUTH_OK)
		return e;
	t->row.auth_code_hash = hash;
	/*
	 * Core §3.1.3.3: the id_token of an openid grant, echoing the
	 * nonce; §12.2: its refreshes' id_tokens say the same.
	 */
	if (id_token_wanted(&granted)) {
		t->row.auth_time = row->auth_time;
		t->row.sid = row->sid;
		t->row.amr = row->amr;
		if ((e = id_token_issue(tp->arena, app, c, &granted,
		    row->nonce, t)) != OAUTH_OK)
			return e;
	}
	return oauth_db_error(db_token_insert(app->db, &t->row));
}

struct oauth_outcome
grant_authorization_code(struct app *app, const struct client *c,
    const struct token_params *tp, struct issued *t)
{
	const struct form_value	*code = &tp->v[TP_CODE];
	char			 hash[SECRET_HASH_HEX + 1];
	struct code_row		 row;
	struct oauth_outcome	 o = OAUTH_OUTCOME(OAUTH_OK, NULL);
	enum db_status		 s;
	int			 found, replayed;

	if (code->s == NULL)
		return OAUTH_OUTCOME(OAUTH_INVALID_REQUEST, "code is required");
	secret_hash_hex(code->s, code->len, hash);
	s = db_code_consume(tp->arena, app->db, hash, c->id, &row, &found);
	if (s != DB_OK)
		return OAUTH_OUTCOME(oauth_db_error(s), NULL);
	if (!found) {
		/* Used before by this client: revoke the tokens it gave. */
		s = db_code_replay(app->db, hash, c->id, &replayed);
		if (s != DB_OK)
			return OAUTH_OUTCOME(oauth_db_error(s), NULL);
		return OAUTH_OUTCOME(OAUTH_INVALID_GRANT, replayed ?
		    "authorization code reused: its tokens are revoked" :
		    "invalid authorization code");
	}
	if ((o.desc = check_code(tp, &row)) != NULL)
		o.error = OAUTH_INVALID_GRANT;
	else
		o.error = issue(tp, app, c, &row, hash, t);
	return o;
}
