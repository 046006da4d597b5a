/* Minting tokens; see issue.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "base/arena.h"
#include "base/log.h"
#include "crypto/jwt.h"
#include "crypto/keyset.h"
#include "grant/claims.h"
#include "grant/issue.h"

static void
add_str(json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

static const char *
to_json(json_object *o)
{
	return json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
}

/*
 * The custom claims access_token_claims lists, for a token with a user
 * (RFC 9068 §2.2.1 identity claims); nothing read when the config lists
 * none.  The rows go into an arena of this call's own, released at once:
 * c holds copies.  Registered members c has are never replaced
 * (claims_add).  Returns OAUTH_OK or the database's error.
 */
static enum oauth_error
add_user_claims(struct app *app, const struct issue_request *ir,
    json_object *c)
{
	struct arena	*a;
	enum db_status	 s;

	if (ir->user_id == NULL || app->cfg.claims.n_access_token == 0)
		return OAUTH_OK;
	a = arena_new();
	s = claims_add(a, app, ir->user_id, ir->scopes, CLAIMS_ACCESS_TOKEN,
	    c);
	arena_release(a);
	return oauth_db_error(s);
}

/*
 * RFC 9068 §2.2 claims, plus Passport's "scopes" array and the custom
 * claims of add_user_claims(), into t->jwt.  Returns OAUTH_OK or an
 * error.
 */
static enum oauth_error
sign_access_token(struct app *app, const struct issue_request *ir,
    struct issued *t)
{
	json_object		*c = json_object_new_object(), *arr;
	enum oauth_error	 e;
	size_t			 i;

	add_str(c, "iss", app->cfg.issuer);
	add_str(c, "sub", ir->user_id != NULL ? ir->user_id : ir->client_id);
	add_str(c, "aud", app->cfg.audience != NULL ? app->cfg.audience :
	    ir->client_id);
	add_str(c, "client_id", ir->client_id);
	add_str(c, "scope", t->scope);
	arr = json_object_new_array();
	for (i = 0; i < ir->scopes->n; i++)
		json_object_array_add(arr,
		    json_object_new_string(ir->scopes->items[i]));
	json_object_object_add(c, "scopes", arr);
	add_str(c, "jti", t->jti);
	json_object_object_add(c, "iat", json_object_new_int64(t->row.iat));
	json_object_object_add(c, "nbf", json_object_new_int64(t->row.iat));
	json_object_object_add(c, "exp", json_object_new_int64(t->row.exp));
	if ((e = add_user_claims(app, ir, c)) == OAUTH_OK &&
	    (t->jwt = jwt_sign(keyset_current(app->keys), "at+jwt",
	    to_json(c))) == NULL) {
		log_warnx("%s: signing failed", __func__);
		e = OAUTH_SERVER_ERROR;
	}
	json_object_put(c);
	/* Longer than the resource endpoints read: none they would refuse. */
	if (t->jwt != NULL && strlen(t->jwt) > JWT_MAX_LEN) {
		log_warnx("%s: sub %s: the access token with its claims is "
		    "%zu bytes, over %d", __func__, ir->user_id != NULL ?
		    ir->user_id : ir->client_id, strlen(t->jwt), JWT_MAX_LEN);
		free(t->jwt);
		t->jwt = NULL;
		e = OAUTH_SERVER_ERROR;
	}
	return e;
}

enum oauth_error
issue_mint(struct app *app, const struct issue_request *ir,
    struct issued *t)
{
	time_t	now = time(NULL);

	memset(t, 0, sizeof(*t));
	scope_join(ir->scopes, t->scope);
	if (uuid_new(t->jti) == -1 || (ir->with_refresh &&
	    secret_new(t->refresh) == -1)) {
		log_warnx("%s: RAND_bytes failed", __func__);
		return OAUTH_SERVER_ERROR;
	}
	t->row.jti = t->jti;
	t->row.user_id = ir->user_id;
	t->row.client_id = ir->client_id;
	t->row.name = ir->name;
	t->row.scopes = t->scope;
	t->row.iat = now;
	t->row.exp = now + (ir->lifetime > 0 ? ir->lifetime :
	    app->cfg.access_token_lifetime);
	if (ir->with_refresh) {
		secret_hash_hex(t->refresh, strlen(t->refresh),
		    t->refresh_hash);
		t->row.refresh_hash = t->refresh_hash;
		t->row.refresh_exp = now + app->cfg.refresh_token_lifetime;
	}
	return sign_access_token(app, ir, t);
}

void
issue_respond(struct http_response *r, const struct issued *t)
{
	json_object	*o = json_object_new_object();

	add_str(o, "token_type", "Bearer");
	json_object_object_add(o, "expires_in",
	    json_object_new_int64(t->row.exp - t->row.iat));
	add_str(o, "access_token", t->jwt);
	if (t->refresh[0] != '\0')
		add_str(o, "refresh_token", t->refresh);
	/* OpenID Connect Core §3.1.3.3. */
	if (t->id_token != NULL)
		add_str(o, "id_token", t->id_token);
	/* RFC 6749 §5.1: OPTIONAL; an empty one only confuses clients. */
	if (t->scope[0] != '\0')
		add_str(o, "scope", t->scope);
	oauth_json_object_write(r, o);
}

void
issue_clear(struct issued *t)
{
	free(t->jwt);
	free(t->id_token);
	explicit_bzero(t, sizeof(*t));
}

enum oauth_error
issue_tokens(struct app *app, const struct issue_request *ir,
    struct issued *out)
{
	enum oauth_error	e;

	if ((e = issue_mint(app, ir, out)) != OAUTH_OK)
		return e;
	return oauth_db_error(db_token_insert(app->db, &out->row));
}
