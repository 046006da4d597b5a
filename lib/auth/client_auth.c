/* Client authentication; see client_auth.h. */
#include <stdlib.h>
#include <string.h>

#include "auth/client_auth.h"
#include "crypto/secret.h"
#include "parse/basic_auth.h"
#include "parse/valid.h"

/* The verdict on a client found under id; frees *c unless OAUTH_OK. */
static enum oauth_error
judge(struct client *c, const char *secret, int *revoked, const char **desc)
{
	*desc = "client authentication failed";
	if (c->secret_hex == NULL) {
		/* A public client has nothing to present. */
		if (secret != NULL && *secret != '\0')
			goto fail;
	} else if (secret == NULL ||
	    !secret_matches(c->secret_hex, secret, strlen(secret)))
		goto fail;
	if (c->revoked) {
		if (revoked != NULL)
			*revoked = 1;
		*desc = "the client is revoked";
		goto fail;
	}
	return OAUTH_OK;
fail:
	db_client_free(c);
	return OAUTH_INVALID_CLIENT;
}

static enum oauth_error
check(struct app *app, struct client_cache *cache, const char *id,
    const char *secret, struct client *out, int *revoked, const char **desc)
{
	enum db_status	s;
	enum oauth_error e;
	int		found;

	*desc = "client authentication failed";
	if (!uuid_valid(id))
		return OAUTH_INVALID_CLIENT;
	if (cache != NULL && client_cache_get(cache, id, out)) {
		if (judge(out, secret, NULL, desc) == OAUTH_OK)
			return OAUTH_OK;
		/* The copy may be out of date: refuse only on the row. */
		client_cache_drop(cache, id);
	}
	s = db_client_find(app->db, id, out, &found);
	if (s != DB_OK)
		return oauth_db_error(s);
	if (!found)
		return OAUTH_INVALID_CLIENT;
	e = judge(out, secret, revoked, desc);
	if (e == OAUTH_OK && cache != NULL)
		client_cache_put(cache, out);
	return e;
}

enum oauth_error
client_auth(struct app *app, const struct http_request *req,
    const struct client_credentials *cc, struct client_cache *cache,
    struct client *out,
    int *basic_used, int *revoked, const char **desc)
{
	char			*id = NULL, *secret = NULL;
	enum basic_status	 b;
	enum oauth_error	 e;

	memset(out, 0, sizeof(*out));
	*basic_used = 0;
	if (revoked != NULL)
		*revoked = 0;
	b = basic_auth_parse(req->authorization, &id, &secret);
	if (b == BASIC_MALFORMED) {
		*basic_used = 1;
		*desc = "malformed Basic credentials";
		return OAUTH_INVALID_CLIENT;
	}
	if (b == BASIC_OK) {
		*basic_used = 1;
		/* RFC 6749 §2.3: one authentication method per request. */
		if (cc->body_secret != NULL || (cc->body_id != NULL &&
		    strcmp(cc->body_id, id) != 0)) {
			*desc = "more than one client authentication method";
			e = OAUTH_INVALID_REQUEST;
		} else
			e = check(app, cache, id, secret, out, revoked, desc);
		free(id);
		if (secret != NULL) {
			explicit_bzero(secret, strlen(secret));
			free(secret);
		}
		return e;
	}
	if (cc->body_id == NULL) {
		*desc = "client authentication required";
		return OAUTH_INVALID_CLIENT;
	}
	return check(app, cache, cc->body_id, cc->body_secret, out, revoked,
	    desc);
}
