/* Access token checks; see access_token.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "auth/access_token.h"
#include "base/arena.h"
#include "crypto/jwt.h"
#include "crypto/secret.h"
#include "parse/valid.h"
#include "store/db_token.h"

static char *
claim_str(struct arena *a, json_object *claims, const char *name)
{
	json_object	*v;

	if (!json_object_object_get_ex(claims, name, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return arena_strdup(a, json_object_get_string(v));
}

static int
claim_int(json_object *claims, const char *name, long long *out)
{
	json_object	*v;

	if (!json_object_object_get_ex(claims, name, &v) ||
	    !json_object_is_type(v, json_type_int))
		return -1;
	*out = json_object_get_int64(v);
	return 0;
}

/* RFC 9068 §4: the claims a resource server must check. */
static int
claims_valid(struct arena *a, struct app *app, json_object *claims,
    struct access_token *t)
{
	time_t	now = time(NULL);

	t->jti = claim_str(a, claims, "jti");
	t->sub = claim_str(a, claims, "sub");
	t->client_id = claim_str(a, claims, "client_id");
	t->aud = claim_str(a, claims, "aud");
	t->iss = claim_str(a, claims, "iss");
	t->scope = claim_str(a, claims, "scope");
	if (t->jti == NULL || t->sub == NULL || t->client_id == NULL ||
	    t->iss == NULL || t->scope == NULL || !uuid_valid(t->jti))
		return 0;
	if (claim_int(claims, "iat", &t->iat) == -1 ||
	    claim_int(claims, "exp", &t->exp) == -1 ||
	    claim_int(claims, "nbf", &t->nbf) == -1)
		return 0;
	if (strcmp(t->iss, app->cfg.issuer) != 0 || t->exp <= now ||
	    t->nbf > now)
		return 0;
	if (app->cfg.audience != NULL && (t->aud == NULL ||
	    strcmp(t->aud, app->cfg.audience) != 0))
		return 0;
	return scope_parse(t->scope, &t->scopes) == 0;
}

/*
 * Signatures already verified by this process: a client sends the same
 * access token many times, and an ES256 verification is most of a
 * request's CPU.  Keyed by the token's SHA-256, valid for one generation
 * of the keys (a reload, rotation or --force empties it); the claims are
 * judged again (exp, iss …) and the row checked on every use.  Bounded:
 * CACHE_SLOTS entries, one per slot, the newest wins.
 */
#define CACHE_SLOTS	64

static struct {
	char		 hash[SECRET_HASH_HEX + 1];
	unsigned long	 generation;
	json_object	*claims;
} cache[CACHE_SLOTS];

/* The slot of a digest: its first byte. */
static size_t
slot_of(const char *hash)
{
	char	byte[3] = { hash[0], hash[1], '\0' };

	return strtoul(byte, NULL, 16) % CACHE_SLOTS;
}

static json_object *
verified_claims(struct app *app, const char *token, size_t len)
{
	char		 hash[SECRET_HASH_HEX + 1];
	json_object	*claims = NULL;
	size_t		 slot;

	if (len > JWT_MAX_LEN)
		return NULL;
	secret_hash_hex(token, len, hash);
	slot = slot_of(hash);
	if (cache[slot].claims != NULL &&
	    cache[slot].generation == app->keys_generation &&
	    secret_equal_len(cache[slot].hash, hash, SECRET_HASH_HEX))
		return json_object_get(cache[slot].claims);
	if (jwt_verify(app->keys, token, len, "at+jwt", &claims) != JWT_OK)
		return NULL;
	json_object_put(cache[slot].claims);
	memcpy(cache[slot].hash, hash, sizeof(hash));
	cache[slot].generation = app->keys_generation;
	cache[slot].claims = json_object_get(claims);
	return claims;
}

/*
 * The JWT, then (with check_db) its row; with a caller, the row check
 * also confirms the caller's copy (*confirmed), and a token that fails
 * before the database leaves it unconfirmed.
 */
static enum access_status
check(struct arena *a, struct app *app, const char *token, size_t len,
    int check_db, const struct client *caller, int *confirmed,
    struct access_token *t)
{
	json_object		*claims;
	struct access_row	 row;
	enum db_status		 s;
	int			 active;

	memset(t, 0, sizeof(*t));
	if ((claims = verified_claims(app, token, len)) == NULL)
		return ACCESS_INACTIVE;
	active = claims_valid(a, app, claims, t);
	json_object_put(claims);
	if (!active)
		goto inactive;
	if (!check_db)
		return ACCESS_ACTIVE;
	if (caller != NULL)
		s = db_token_access_find_for(a, app->db, t->jti, caller->id,
		    caller->version, &row, &active, confirmed);
	else
		s = db_token_access_find(a, app->db, t->jti, &row, &active);
	if (s != DB_OK) {
		memset(t, 0, sizeof(*t));
		return s == DB_UNAVAILABLE ? ACCESS_UNAVAILABLE : ACCESS_ERROR;
	}
	if (!active)
		goto inactive;
	t->user_id = row.user_id;
	t->user_name = row.user_name;
	t->user_email = row.user_email;
	return ACCESS_ACTIVE;
inactive:
	memset(t, 0, sizeof(*t));
	return ACCESS_INACTIVE;
}

enum access_status
access_token_check(struct arena *a, struct app *app, const char *token,
    size_t len, int check_db, struct access_token *t)
{
	return check(a, app, token, len, check_db, NULL, NULL, t);
}

enum access_status
access_token_check_for(struct arena *a, struct app *app, const char *token,
    size_t len, const struct client *caller, int *confirmed,
    struct access_token *t)
{
	*confirmed = 0;
	return check(a, app, token, len, 1, caller, confirmed, t);
}
