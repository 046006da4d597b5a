/* Minting and storing tokens; see issue.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "db_token.h"
#include "issue.h"
#include "jwt.h"
#include "log.h"
#include "secret.h"

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

/* RFC 9068 §2.2 claims, plus Passport's "scopes" array. */
static char *
sign_access_token(struct app *app, const struct issue_request *ir,
    const char *jti, const char *scope, time_t iat, time_t exp)
{
	json_object	*c = json_object_new_object(), *arr;
	char		*jwt;
	size_t		 i;

	add_str(c, "iss", app->cfg.issuer);
	add_str(c, "sub", ir->user_id != NULL ? ir->user_id : ir->client_id);
	add_str(c, "aud", app->cfg.audience != NULL ? app->cfg.audience :
	    ir->client_id);
	add_str(c, "client_id", ir->client_id);
	add_str(c, "scope", scope);
	arr = json_object_new_array();
	for (i = 0; i < ir->scopes->n; i++)
		json_object_array_add(arr,
		    json_object_new_string(ir->scopes->items[i]));
	json_object_object_add(c, "scopes", arr);
	add_str(c, "jti", jti);
	json_object_object_add(c, "iat", json_object_new_int64(iat));
	json_object_object_add(c, "nbf", json_object_new_int64(iat));
	json_object_object_add(c, "exp", json_object_new_int64(exp));
	jwt = jwt_sign(app->key, "at+jwt", to_json(c));
	json_object_put(c);
	return jwt;
}

static void
write_success(struct http_response *r, long expires_in, const char *jwt,
    const char *refresh, const char *scope)
{
	json_object	*o = json_object_new_object();

	add_str(o, "token_type", "Bearer");
	json_object_object_add(o, "expires_in",
	    json_object_new_int64(expires_in));
	add_str(o, "access_token", jwt);
	if (refresh != NULL)
		add_str(o, "refresh_token", refresh);
	add_str(o, "scope", scope);
	oauth_json_write(r, to_json(o));
	json_object_put(o);
}

enum oauth_error
issue_tokens(struct app *app, const struct issue_request *ir,
    struct http_response *r)
{
	char			 jti[UUID_TEXT_LEN + 1];
	char			 refresh[SECRET_TEXT_LEN + 1];
	char			 rhash[SECRET_HASH_HEX + 1];
	char			*scope, *jwt = NULL;
	struct token_row	 row;
	enum oauth_error	 e = OAUTH_SERVER_ERROR;
	enum db_status		 s;
	time_t			 now = time(NULL);

	scope = scope_join(ir->scopes);
	if (uuid_new(jti) == -1 || (ir->with_refresh &&
	    secret_new(refresh) == -1)) {
		log_warnx("%s: RAND_bytes failed", __func__);
		goto out;
	}
	memset(&row, 0, sizeof(row));
	row.jti = jti;
	row.user_id = ir->user_id;
	row.client_id = ir->client_id;
	row.scopes = scope;
	row.iat = now;
	row.exp = now + app->cfg.access_token_lifetime;
	if (ir->with_refresh) {
		secret_hash_hex(refresh, strlen(refresh), rhash);
		row.refresh_hash = rhash;
		row.refresh_exp = now + app->cfg.refresh_token_lifetime;
	}
	jwt = sign_access_token(app, ir, jti, scope, row.iat, row.exp);
	if (jwt == NULL) {
		log_warnx("%s: signing failed", __func__);
		goto out;
	}
	s = db_token_insert(app->db, &row);
	if (s != DB_OK) {
		e = s == DB_UNAVAILABLE ? OAUTH_TEMPORARILY_UNAVAILABLE :
		    OAUTH_SERVER_ERROR;
		goto out;
	}
	write_success(r, app->cfg.access_token_lifetime, jwt,
	    ir->with_refresh ? refresh : NULL, scope);
	e = OAUTH_OK;
out:
	explicit_bzero(refresh, sizeof(refresh));
	free(jwt);
	free(scope);
	return e;
}
