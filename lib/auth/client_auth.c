/* Client authentication; see client_auth.h. */
#include <stdlib.h>
#include <string.h>

#include "auth/client_auth.h"
#include "crypto/secret.h"
#include "parse/basic_auth.h"
#include "parse/valid.h"

#define AUTH_FAILED	"client authentication failed"

/* The verdict on a client found under id; clears *c unless OAUTH_OK. */
static struct oauth_outcome
judge(struct client *c, const char *secret)
{
	struct oauth_outcome	o = OAUTH_OUTCOME(OAUTH_INVALID_CLIENT,
				    AUTH_FAILED);

	if (c->secret_hex == NULL) {
		/* A public client has nothing to present. */
		if (secret != NULL && *secret != '\0')
			goto fail;
	} else if (secret == NULL ||
	    !secret_matches(c->secret_hex, secret, strlen(secret)))
		goto fail;
	if (c->revoked) {
		o.desc = "the client is revoked";
		o.client_revoked = 1;
		goto fail;
	}
	return OAUTH_OUTCOME(OAUTH_OK, NULL);
fail:
	memset(c, 0, sizeof(*c));
	return o;
}

static struct oauth_outcome
check(struct arena *a, struct app *app, struct client_cache *cache,
    const char *id, const char *secret, struct client *out)
{
	struct oauth_outcome	o = OAUTH_OUTCOME(OAUTH_INVALID_CLIENT,
				    AUTH_FAILED);
	enum db_status		s;
	int			found;

	if (!uuid_valid(id))
		return o;
	if (cache != NULL && client_cache_get(a, cache, id, out)) {
		if ((o = judge(out, secret)).error == OAUTH_OK)
			return o;
		/* The copy may be out of date: refuse only on the row. */
		o.client_revoked = 0;
		client_cache_drop(cache, id);
	}
	s = db_client_find(a, app->db, id, out, &found);
	if (s != DB_OK)
		return OAUTH_OUTCOME(oauth_db_error(s), NULL);
	if (!found)
		return o;
	o = judge(out, secret);
	if (o.error == OAUTH_OK && cache != NULL)
		client_cache_put(cache, out);
	return o;
}

struct oauth_outcome
client_auth(struct app *app, const struct http_request *req,
    const struct client_credentials *cc, struct client_cache *cache,
    struct client *out)
{
	struct oauth_outcome	 o;
	char			*id = NULL, *secret = NULL;
	enum basic_status	 b;

	memset(out, 0, sizeof(*out));
	b = basic_auth_parse(req->arena, req->authorization, &id, &secret);
	if (b == BASIC_MALFORMED) {
		o = OAUTH_OUTCOME(OAUTH_INVALID_CLIENT,
		    "malformed Basic credentials");
		o.basic_used = 1;
		return o;
	}
	if (b == BASIC_OK) {
		/* RFC 6749 §2.3: one authentication method per request. */
		if (cc->body_secret != NULL || (cc->body_id != NULL &&
		    strcmp(cc->body_id, id) != 0))
			o = OAUTH_OUTCOME(OAUTH_INVALID_REQUEST,
			    "more than one client authentication method");
		else
			o = check(req->arena, app, cache, id, secret, out);
		o.basic_used = 1;
		return o;
	}
	if (cc->body_id == NULL)
		return OAUTH_OUTCOME(OAUTH_INVALID_CLIENT,
		    "client authentication required");
	return check(req->arena, app, cache, cc->body_id, cc->body_secret,
	    out);
}
