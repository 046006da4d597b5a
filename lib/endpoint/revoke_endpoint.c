/* POST /oauth/revoke, RFC 7009; see revoke_endpoint.h. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "endpoint/revoke_endpoint.h"
#include "endpoint/token_lookup.h"
#include "grant/issue.h"

/*
 * RFC 7009 §2.1: only the client a token was issued to may revoke it;
 * an unknown (or already dead) token answers 200 all the same (§2.2).
 * Revoking a refresh token revokes its family and their access tokens;
 * revoking an access token revokes the refresh tokens issued with it.
 */
static enum oauth_error
revoke(struct app *app, const struct token_lookup *l, const char **desc)
{
	const char	*owner;
	enum db_status	 s;

	if (l->kind == LOOKUP_NONE)
		return OAUTH_OK;
	owner = l->kind == LOOKUP_ACCESS ? l->access.client_id :
	    l->refresh.client_id;
	if (strcmp(owner, l->client.id) != 0) {
		*desc = "the token was not issued to this client";
		return OAUTH_UNAUTHORIZED_CLIENT;
	}
	s = l->kind == LOOKUP_ACCESS ?
	    db_token_revoke_access(app->db, l->access.jti, NULL) :
	    db_token_revoke_family(app->db, l->refresh.family_id);
	return oauth_db_error(s);
}

void
revoke_endpoint(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app		*app = ctx;
	struct token_lookup	 l;
	const char		*desc = NULL;
	enum oauth_error	 e;
	int			 basic_used;

	/* Access tokens are found by their signature alone: even revoked
	 * or expired ones are revoked again, harmlessly. */
	e = token_lookup(app, req, 0, 0, NULL, &l, &basic_used, &desc);
	if (e == OAUTH_OK) {
		snprintf(resp->log_client, sizeof(resp->log_client), "%s",
		    l.client.id);
		e = revoke(app, &l, &desc);
		token_lookup_free(&l);
	}
	if (e == OAUTH_OK)
		oauth_json_write(resp, "{}");
	else
		oauth_error_write(resp, e, desc, basic_used);
}
