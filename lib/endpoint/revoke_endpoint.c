/* POST /oauth/revoke, RFC 7009; see revoke_endpoint.h. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "endpoint/revoke_endpoint.h"
#include "endpoint/token_lookup.h"
#include "grant/issue.h"
#include "http/route.h"

/*
 * RFC 7009 §2.1: only the client a token was issued to may revoke it;
 * an unknown (or already dead) token answers 200 all the same (§2.2).
 * Revoking a refresh token revokes its family and their access tokens;
 * revoking an access token revokes the refresh tokens issued with it.
 */
static struct oauth_outcome
revoke(struct app *app, const struct token_lookup *l)
{
	const char	*owner;
	enum db_status	 s;

	if (l->kind == LOOKUP_NONE)
		return OAUTH_OUTCOME(OAUTH_OK, NULL);
	owner = l->kind == LOOKUP_ACCESS ? l->access.client_id :
	    l->refresh.client_id;
	if (strcmp(owner, l->client.id) != 0)
		return OAUTH_OUTCOME(OAUTH_UNAUTHORIZED_CLIENT,
		    "the token was not issued to this client");
	s = l->kind == LOOKUP_ACCESS ?
	    db_token_revoke_access(app->db, l->access.jti, NULL) :
	    db_token_revoke_family(app->db, l->refresh.family_id);
	return OAUTH_OUTCOME(oauth_db_error(s), NULL);
}

void
revoke_endpoint(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	struct app		*app = ctx;
	struct token_lookup	 l;
	struct oauth_outcome	 o;

	/* Access tokens are found by their signature alone: even revoked
	 * or expired ones are revoked again, harmlessly. */
	o = token_lookup(app, req, 0, 0, NULL, &l);
	if (o.error == OAUTH_OK) {
		snprintf(resp->log_client, sizeof(resp->log_client), "%s",
		    l.client.id);
		o = revoke(app, &l);
	}
	if (o.error == OAUTH_OK)
		oauth_json_write(resp, "{}");
	else
		oauth_error_write(resp, &o);
}

static const struct route routes[] = {
	{ "/oauth/revoke", ROUTE_POST, revoke_endpoint },
};

const struct router revoke_router = {
	routes, sizeof(routes) / sizeof(routes[0]), route_refuse_json
};
