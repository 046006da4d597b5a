/* Finding a presented token; see token_lookup.h. */
#include <string.h>

#include "auth/client_auth.h"
#include "crypto/jwt.h"
#include "crypto/secret.h"
#include "endpoint/post_form.h"
#include "endpoint/token_lookup.h"
#include "grant/issue.h"

static const struct form_param params[LP__MAX] = {
	[LP_TOKEN] = { "token", JWT_MAX_LEN },
	[LP_TOKEN_TYPE_HINT] = { "token_type_hint", 32 },
	[LP_CLIENT_ID] = { "client_id", 128 },
	[LP_CLIENT_SECRET] = { "client_secret", 256 },
};

/* With confirmed, also whether l->client's cached copy is its row. */
static enum oauth_error
find_access(struct arena *arena, struct app *app, struct token_lookup *l,
    int check_db, int *confirmed)
{
	const struct form_value	*tok = &l->v[LP_TOKEN];
	enum access_status	 a;

	if (confirmed != NULL)
		a = access_token_check_for(arena, app, tok->s, tok->len,
		    &l->client, confirmed, &l->access);
	else
		a = access_token_check(arena, app, tok->s, tok->len, check_db,
		    &l->access);
	switch (a) {
	case ACCESS_ACTIVE:
		l->kind = LOOKUP_ACCESS;
		return OAUTH_OK;
	case ACCESS_UNAVAILABLE:
		return OAUTH_TEMPORARILY_UNAVAILABLE;
	case ACCESS_ERROR:
		return OAUTH_SERVER_ERROR;
	default:
		return OAUTH_OK;
	}
}

static enum oauth_error
find_refresh(struct arena *arena, struct app *app, struct token_lookup *l)
{
	const struct form_value	*tok = &l->v[LP_TOKEN];
	char			 hash[SECRET_HASH_HEX + 1];
	enum db_status		 s;
	int			 found;

	/* Ours are 43 characters: anything else cannot be a row. */
	if (tok->len != SECRET_TEXT_LEN)
		return OAUTH_OK;
	secret_hash_hex(tok->s, tok->len, hash);
	s = db_token_refresh_find(arena, app->db, hash, &l->refresh, &found);
	if (s != DB_OK)
		return oauth_db_error(s);
	if (found)
		l->kind = LOOKUP_REFRESH;
	return OAUTH_OK;
}

static enum oauth_error
find(struct arena *arena, struct app *app, struct token_lookup *l,
    int check_db)
{
	const char		*hint = l->v[LP_TOKEN_TYPE_HINT].s;
	enum oauth_error	 e;

	if (hint != NULL && strcmp(hint, "refresh_token") == 0) {
		if ((e = find_refresh(arena, app, l)) != OAUTH_OK ||
		    l->kind != LOOKUP_NONE)
			return e;
		return find_access(arena, app, l, check_db, NULL);
	}
	if ((e = find_access(arena, app, l, check_db, NULL)) != OAUTH_OK ||
	    l->kind != LOOKUP_NONE)
		return e;
	return find_refresh(arena, app, l);
}

/*
 * A caller judged on a cached copy (client_cache.h) is confirmed by the
 * statement that checks an access token's row; any other outcome (an
 * error, a refresh token, a token that is no JWT of ours) is decided
 * again once the caller is judged on its row, as is every refusal.
 */
struct oauth_outcome
token_lookup(struct app *app, const struct http_request *req,
    int need_secret, int check_db, struct client_cache *cache,
    struct token_lookup *l)
{
	struct client_credentials	cc;
	struct oauth_outcome		o = OAUTH_OUTCOME(OAUTH_OK, NULL);
	int				confirmed;

	memset(l, 0, sizeof(*l));
	app_refresh(app);
	if ((o.error = post_form_parse(app, req, params, LP__MAX, l->v,
	    &o.desc)) != OAUTH_OK)
		return o;
	cc.body_id = l->v[LP_CLIENT_ID].s;
	cc.body_secret = l->v[LP_CLIENT_SECRET].s;
	if (!check_db)
		cache = NULL;	/* no row statement would confirm a copy */
again:
	confirmed = 0;
	o = client_auth(app, req, &cc, cache, &l->client);
	if (o.error != OAUTH_OK)
		return o;
	if (need_secret && l->client.secret_hex == NULL) {
		o.desc = "this endpoint needs a confidential client";
		o.error = OAUTH_INVALID_CLIENT;
	} else if (l->v[LP_TOKEN].s == NULL) {
		o.desc = "token is required";
		o.error = OAUTH_INVALID_REQUEST;
	} else if (l->client.cached)
		o.error = find_access(req->arena, app, l, 1, &confirmed);
	else
		o.error = find(req->arena, app, l, check_db);
	if (l->client.cached && (o.error != OAUTH_OK || !confirmed)) {
		/* Dropped: the next pass reads the row and keeps a new copy. */
		client_cache_drop(cache, l->client.id);
		l->kind = LOOKUP_NONE;
		goto again;
	}
	if (o.error != OAUTH_OK)
		l->kind = LOOKUP_NONE;
	return o;
}
