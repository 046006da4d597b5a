/* Users' custom claims and e-mail verification; see user_claims.h. */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "admin/admin.h"
#include "admin/user_claims.h"
#include "base/arena.h"
#include "parse/claim_name.h"
#include "parse/valid.h"
#include "store/db_user_claims.h"

/*
 * raw as one whole strict JSON value, UTF-8 checked, into *v (NULL for
 * JSON null).  Returns 1 when it is one, else 0.
 */
static int
parse_json(const char *raw, json_object **v)
{
	struct json_tokener	*tok;
	size_t			 n = strlen(raw);
	int			 ok;

	*v = NULL;
	if ((tok = json_tokener_new()) == NULL)
		return 0;
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
	    JSON_TOKENER_VALIDATE_UTF8);
	/* With its NUL: a number or literal at the end is then complete. */
	*v = json_tokener_parse_ex(tok, raw, (int)n + 1);
	ok = json_tokener_get_error(tok) == json_tokener_success &&
	    json_tokener_get_parse_end(tok) == n;
	json_tokener_free(tok);
	if (!ok) {
		json_object_put(*v);
		*v = NULL;
	}
	return ok;
}

char *
admin_claim_value(struct arena *a, const char *raw, char *err,
    size_t errlen)
{
	json_object	*v, *back;
	char		*text = NULL;

	if (*raw == '\0' || strlen(raw) > CLAIM_VALUE_MAX) {
		snprintf(err, errlen, "a claim value is 1-%d bytes (remove a "
		    "claim with --unset NAME)", CLAIM_VALUE_MAX);
		return NULL;
	}
	if (!parse_json(raw, &v))
		v = json_object_new_string(raw);
	/* Core §5.3.2: a claim without a value is left out, not null. */
	if (v == NULL) {
		snprintf(err, errlen, "a claim value may not be null (remove "
		    "a claim with --unset NAME)");
		return NULL;
	}
	text = arena_strdup(a, json_object_to_json_string_ext(v,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(v);
	/* What goes to the database must read back: UTF-8 and bounded. */
	if (strlen(text) > CLAIM_VALUE_MAX || !parse_json(text, &back)) {
		snprintf(err, errlen, "a claim value is at most %d bytes as "
		    "JSON, in UTF-8", CLAIM_VALUE_MAX);
		return NULL;
	}
	json_object_put(back);
	return text;
}

/* 1 when name may be set or removed, else 0 with a message. */
static int
name_allowed(const char *name, char *err, size_t errlen)
{
	if (!claim_name_is_wellformed(name)) {
		snprintf(err, errlen, "bad claim name \"%.*s\": a letter or _, "
		    "then up to 63 letters, digits, _ . : or -",
		    CLAIM_NAME_MAX + 1, name);
		return 0;
	}
	if (claim_name_is_registered(name)) {
		snprintf(err, errlen, "\"%s\" is a registered claim name: the "
		    "server sets it, a custom claim may not", name);
		return 0;
	}
	return 1;
}

/* Split "NAME=VALUE" into the arena; 0, or -1 with a message. */
static int
split_assign(struct arena *a, const char *s, char **name, char **json,
    char *err, size_t errlen)
{
	const char	*eq;

	if ((eq = strchr(s, '=')) == NULL) {
		snprintf(err, errlen, "expected NAME=VALUE, not \"%.*s\"",
		    CLAIM_NAME_MAX + 1, s);
		return -1;
	}
	*name = arena_strndup(a, s, (size_t)(eq - s));
	if (!name_allowed(*name, err, errlen))
		return -1;
	if ((*json = admin_claim_value(a, eq + 1, err, errlen)) == NULL)
		return -1;
	return 0;
}

/* The writes, inside the caller's transaction; 0, or -1 with a message. */
static int
write_claims(struct app *app, const char *id, char *const *names,
    char *const *values, size_t nassign, const char *const *unset,
    size_t nunset, char *err, size_t errlen)
{
	enum db_status	s;
	size_t		i;
	int		found;

	for (i = 0; i < nassign; i++) {
		s = db_user_claim_set(app->db, id, names[i], values[i],
		    &found);
		if (s != DB_OK || !found)
			goto fail;
	}
	for (i = 0; i < nunset; i++) {
		s = db_user_claim_unset(app->db, id, unset[i], &found);
		if (s == DB_OK && !found) {
			snprintf(err, errlen, "user %s has no claim \"%s\"",
			    id, unset[i]);
			return -1;
		}
		if (s != DB_OK)
			goto fail;
	}
	return 0;
 fail:
	if (s == DB_OK)
		snprintf(err, errlen, "no user with id %s", id);
	else
		admin_db_error(app, s, err, errlen);
	return -1;
}

int
admin_user_claims(struct app *app, const char *id,
    const char *const *assign, size_t nassign, const char *const *unset,
    size_t nunset, char *err, size_t errlen)
{
	struct arena	*a;
	enum db_status	 s;
	char		**names, **values;
	size_t		 i;
	int		 rc = -1;

	if (!id_valid(id)) {
		snprintf(err, errlen, "invalid user id");
		return -1;
	}
	a = arena_new();
	names = arena_alloc(a, (nassign + 1) * sizeof(*names));
	values = arena_alloc(a, (nassign + 1) * sizeof(*values));
	for (i = 0; i < nassign; i++)
		if (split_assign(a, assign[i], &names[i], &values[i], err,
		    errlen) == -1)
			goto out;
	for (i = 0; i < nunset; i++)
		if (!name_allowed(unset[i], err, errlen))
			goto out;
	if ((s = db_begin(app->db)) != DB_OK) {
		admin_db_error(app, s, err, errlen);
		goto out;
	}
	if (write_claims(app, id, names, values, nassign, unset, nunset, err,
	    errlen) == -1) {
		db_rollback(app->db);
		goto out;
	}
	if ((s = db_commit(app->db)) != DB_OK)
		admin_db_error(app, s, err, errlen);
	else
		rc = 0;
 out:
	arena_release(a);
	return rc;
}

int
admin_user_email_verified(struct app *app, const char *id, int verified,
    char *err, size_t errlen)
{
	enum db_status	s;
	int		found;

	if (!id_valid(id)) {
		snprintf(err, errlen, "invalid user id");
		return -1;
	}
	s = db_user_email_verified(app->db, id, verified, &found);
	if (s != DB_OK) {
		admin_db_error(app, s, err, errlen);
		return -1;
	}
	if (!found) {
		snprintf(err, errlen, "no user with id %s", id);
		return -1;
	}
	return 0;
}
