/* The claims the granted scopes release; see claims.h. */
#include <string.h>

#include <json-c/json.h>

#include "base/arena.h"
#include "base/log.h"
#include "grant/claims.h"
#include "store/db_user_claims.h"

/* Deep enough for a value `cpassport user claim` accepts, and its object. */
#define CLAIMS_JSON_DEPTH	64

/* The custom claims released: their names, space-separated, or "". */
static char *
released_names(struct arena *a, const struct config_claims *c,
    const struct scope_set *granted, enum claims_use use)
{
	size_t	 cap = c->n * (CLAIM_NAME_MAX + 1) + 1, i, len = 0, n;
	char	*out = arena_alloc(a, cap);

	out[0] = '\0';
	for (i = 0; i < c->n; i++) {
		if (use == CLAIMS_ACCESS_TOKEN && !c->v[i].in_access_token)
			continue;
		if (!scope_allows(granted, c->v[i].scope))
			continue;
		/* config_parse bounds names at CLAIM_NAME_MAX; so does cap. */
		n = strnlen(c->v[i].name, CLAIM_NAME_MAX);
		if (len > 0)
			out[len++] = ' ';
		memcpy(out + len, c->v[i].name, n);
		len += n;
		out[len] = '\0';
	}
	return out;
}

/* obj[k] = v unless obj has k; v is obj's, or released when refused. */
static void
add_new(json_object *obj, const char *k, json_object *v)
{
	if (json_object_object_get_ex(obj, k, NULL)) {
		json_object_put(v);
		return;
	}
	json_object_object_add(obj, k, v);
}

/* The custom claims' object text into obj.  Returns 0, or -1. */
static int
add_custom(json_object *obj, const char *text)
{
	struct json_tokener		*tok;
	struct json_object_iterator	 it, end;
	json_object			*c;

	if ((tok = json_tokener_new_ex(CLAIMS_JSON_DEPTH)) == NULL)
		return -1;
	c = json_tokener_parse_ex(tok, text, (int)strlen(text));
	json_tokener_free(tok);
	if (c == NULL || !json_object_is_type(c, json_type_object)) {
		json_object_put(c);
		return -1;
	}
	it = json_object_iter_begin(c);
	end = json_object_iter_end(c);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it))
		add_new(obj, json_object_iter_peek_name(&it),
		    json_object_get(json_object_iter_peek_value(&it)));
	json_object_put(c);
	return 0;
}

/* Core §5.4: profile -> name, updated_at; email -> email, email_verified. */
static void
add_standard(json_object *obj, const struct user_claims *u, int profile,
    int email)
{
	if (profile) {
		/* Core §5.3.2: an empty claim is left out, not sent empty. */
		if (u->name[0] != '\0')
			add_new(obj, "name", json_object_new_string(u->name));
		add_new(obj, "updated_at",
		    json_object_new_int64(u->updated_at));
	}
	if (email) {
		add_new(obj, "email", json_object_new_string(u->email));
		add_new(obj, "email_verified",
		    json_object_new_boolean(u->email_verified));
	}
}

enum db_status
claims_add(struct arena *a, struct app *app, const char *user_id,
    const struct scope_set *granted, enum claims_use use, json_object *obj)
{
	struct user_claims	 u;
	enum db_status		 s;
	char			*names;
	int			 profile, email, found;

	profile = use != CLAIMS_ACCESS_TOKEN &&
	    scope_allows(granted, "profile");
	email = use != CLAIMS_ACCESS_TOKEN && scope_allows(granted, "email");
	names = released_names(a, &app->cfg.claims, granted, use);
	if (!profile && !email && names[0] == '\0')
		return DB_OK;
	s = db_user_claims_read(a, app->db, user_id, names, &u, &found);
	if (s != DB_OK || !found)
		return s;
	/* jsonb_object_agg's text: a parse failure is the store's error. */
	if (add_custom(obj, u.custom) == -1) {
		log_warnx("%s: the custom claims do not parse", __func__);
		return DB_ERROR;
	}
	add_standard(obj, &u, profile, email);
	return DB_OK;
}
