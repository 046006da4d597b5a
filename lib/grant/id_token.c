/* The id_token; see id_token.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "base/log.h"
#include "crypto/jwt.h"
#include "crypto/keyset.h"
#include "grant/claims.h"
#include "grant/id_token.h"

int
id_token_wanted(const struct scope_set *granted)
{
	/* Core §3.1.2.1: openid itself; "*" is no OpenID request. */
	return scope_has(granted, "openid");
}

/*
 * The active key of the client's algorithm; NULL, logged with the file
 * and the command that would make it (no key material), when the keyset
 * has none.
 */
static const struct key *
signing_key(struct app *app, const struct client *c)
{
	int			 type = key_type_parse(c->id_token_alg);
	const char		*name;
	const struct key	*k = NULL;

	/* The schema's CHECK admits only the algorithms keys.h knows. */
	if (type == -1)
		name = "?";
	else {
		name = key_type_name((enum key_type)type);
		k = keyset_for(app->keys, (enum key_type)type);
	}
	if (k == NULL)
		log_warnx("%s: client %s: no %s signing key: %s.%s is missing "
		    "(`cpassport keys --add %s`)", __func__, c->id,
		    c->id_token_alg, app->cfg.signing_key, name, name);
	return k;
}

static void
add_str(json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, json_object_new_string(v));
}

/* Core §2 and §3.1.3.6: the claims of the token itself. */
static int
add_claims(json_object *o, struct app *app, const struct client *c,
    const char *nonce, const struct issued *t, enum key_type type)
{
	json_object	*amr;
	char		*at_hash;

	if ((at_hash = jwt_half_hash(type, t->jwt)) == NULL)
		return -1;
	add_str(o, "iss", app->cfg.issuer);
	add_str(o, "sub", t->row.user_id);
	add_str(o, "aud", c->id);
	json_object_object_add(o, "exp", json_object_new_int64(t->row.iat +
	    app->cfg.id_token_lifetime));
	json_object_object_add(o, "iat", json_object_new_int64(t->row.iat));
	if (t->row.auth_time != 0)
		json_object_object_add(o, "auth_time",
		    json_object_new_int64(t->row.auth_time));
	if (nonce != NULL)
		add_str(o, "nonce", nonce);
	add_str(o, "azp", c->id);
	add_str(o, "at_hash", at_hash);
	if (t->row.sid != NULL)
		add_str(o, "sid", t->row.sid);
	if (t->row.amr != NULL) {
		/* RFC 8176 §1: an array of method names. */
		amr = json_object_new_array();
		json_object_array_add(amr, json_object_new_string(t->row.amr));
		json_object_object_add(o, "amr", amr);
	}
	free(at_hash);
	return 0;
}

enum oauth_error
id_token_issue(struct arena *a, struct app *app, const struct client *c,
    const struct scope_set *granted, const char *nonce, struct issued *t)
{
	const struct key	*k;
	json_object		*o;
	enum db_status		 s;

	if ((k = signing_key(app, c)) == NULL)
		return OAUTH_SERVER_ERROR;
	o = json_object_new_object();
	if (add_claims(o, app, c, nonce, t, key_get_type(k)) == -1) {
		json_object_put(o);
		log_warnx("%s: client %s: at_hash failed", __func__, c->id);
		return OAUTH_SERVER_ERROR;
	}
	/* Core §5.4: what the granted scopes release; none, no statement. */
	if ((s = claims_add(a, app, t->row.user_id, granted, CLAIMS_ID_TOKEN,
	    o)) != DB_OK) {
		json_object_put(o);
		return oauth_db_error(s);
	}
	t->id_token = jwt_sign(k, "JWT", json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	if (t->id_token == NULL) {
		log_warnx("%s: client %s: signing failed", __func__, c->id);
		return OAUTH_SERVER_ERROR;
	}
	return OAUTH_OK;
}
