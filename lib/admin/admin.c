/* The CLI's operations; see admin.h. */
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "admin/admin.h"
#include "base/arena.h"
#include "base/xalloc.h"
#include "crypto/keys.h"
#include "crypto/password.h"
#include "grant/issue.h"
#include "parse/redirect_uri.h"
#include "parse/scope.h"
#include "parse/valid.h"
#include "store/db_client.h"
#include "store/db_purge.h"
#include "store/db_scope.h"
#include "store/db_token.h"
#include "store/db_user.h"
#include "store/db_user_revoke.h"

static const char *const kind_grants[CLIENT_KIND__MAX] = {
	[CLIENT_AUTH_CODE] = "authorization_code refresh_token",
	[CLIENT_PASSWORD] = "password refresh_token",
	[CLIENT_PERSONAL] = "personal_access",
	[CLIENT_CREDENTIALS] = "client_credentials",
};

void
admin_db_error(struct app *app, enum db_status s, char *err, size_t errlen)
{
	if (s == DB_UNAVAILABLE)
		snprintf(err, errlen, "database unavailable: %s",
		    db_last_error(app->db));
	else
		snprintf(err, errlen, "database error: %s",
		    db_last_error(app->db));
}

/*
 * Normalise a comma/space list of scopes to a space-separated one and
 * check that each is known (or "*").  Returns a fresh string or NULL.
 */
static char *
known_scopes(struct app *app, const char *list, char *err, size_t errlen)
{
	struct scope_set	 set;
	char			*copy, *p, joined[SCOPE_MAX_TEXT];
	enum db_status		 s;
	int			 known;

	copy = xstrdup(list);
	for (p = copy; *p != '\0'; p++)
		if (*p == ',')
			*p = ' ';
	if (scope_parse(copy, &set) == -1) {
		snprintf(err, errlen, "malformed scope list");
		free(copy);
		return NULL;
	}
	free(copy);
	if ((s = db_scope_known(app->db, &set, &known)) != DB_OK) {
		admin_db_error(app, s, err, errlen);
		return NULL;
	}
	if (!known) {
		snprintf(err, errlen, "unknown scope (add it with "
		    "`cpassport scope add`)");
		return NULL;
	}
	return xstrdup(scope_join(&set, joined));
}

/*
 * How an operation on the row named id ended: 0, or -1 and err saying
 * the database's error or that there is no such <what>.
 */
static int
row_result(struct app *app, enum db_status s, int found, const char *what,
    const char *id, char *err, size_t errlen)
{
	if (s != DB_OK) {
		admin_db_error(app, s, err, errlen);
		return -1;
	}
	if (!found) {
		snprintf(err, errlen, "no %s with id %s", what, id);
		return -1;
	}
	return 0;
}

/*
 * uris[0..n) space-joined, fresh, each valid by the redirect URI rules
 * (RFC 6749 §3.1.2: absolute, without a fragment); what names them in
 * the message.  NULL with a message when one is not.
 */
static char *
join_uris(const char *const *uris, size_t n, const char *what, char *err,
    size_t errlen)
{
	size_t	 i, len = 1;
	char	*out;

	for (i = 0; i < n; i++) {
		if (!redirect_uri_valid(uris[i])) {
			snprintf(err, errlen, "invalid %s URI "
			    "(absolute, no fragment, no spaces)", what);
			return NULL;
		}
		len += strlen(uris[i]) + 1;
	}
	out = xcalloc(1, len);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strncat(out, " ", len - strlen(out) - 1);
		strncat(out, uris[i], len - strlen(out) - 1);
	}
	return out;
}

static int
check_owner(struct app *app, const char *user_id, char *err, size_t errlen)
{
	enum db_status	s;
	int		found;

	if (user_id == NULL)
		return 0;
	if (!id_valid(user_id)) {
		snprintf(err, errlen, "invalid user id");
		return -1;
	}
	s = db_user_exists(app->db, user_id, &found);
	return row_result(app, s, found, "user", user_id, err, errlen);
}

/* The checks of a spec that need no database; 0, or -1 and err. */
static int
check_spec(const struct client_spec *spec, char *err, size_t errlen)
{
	if (spec->name == NULL || *spec->name == '\0' ||
	    strlen(spec->name) > 255) {
		snprintf(err, errlen, "--name is required (1-255 bytes)");
		return -1;
	}
	if (spec->kind == CLIENT_AUTH_CODE && spec->nredirects == 0) {
		snprintf(err, errlen, "an authorization code client needs "
		    "--redirect URI");
		return -1;
	}
	if (spec->npost_logout > 0 && spec->kind != CLIENT_AUTH_CODE) {
		snprintf(err, errlen, "--post-logout-redirect is for "
		    "authorization code clients only");
		return -1;
	}
	if (spec->is_public && spec->kind != CLIENT_AUTH_CODE) {
		snprintf(err, errlen, "--public is for authorization code "
		    "clients only");
		return -1;
	}
	if (spec->is_public && spec->resource_server) {
		snprintf(err, errlen, "a public client cannot be a resource "
		    "server (it has no secret to introspect with)");
		return -1;
	}
	/* Dynamic Client Registration §2 id_token_signed_response_alg. */
	if (spec->id_token_alg != NULL &&
	    key_type_parse(spec->id_token_alg) == -1) {
		snprintf(err, errlen, "--id-token-alg is RS256, ES256 or "
		    "EdDSA");
		return -1;
	}
	return 0;
}

/*
 * The scopes the client may ask, space-separated (fresh): the spec's
 * list ("*" when none), and openid with it when --openid restricts it.
 */
static char *
client_scopes(struct app *app, const struct client_spec *spec, char *err,
    size_t errlen)
{
	char	*list, *scopes;

	if (spec->scopes == NULL)
		return known_scopes(app, "*", err, errlen);
	list = spec->openid ? xasprintf("%s openid", spec->scopes) :
	    xstrdup(spec->scopes);
	scopes = known_scopes(app, list, err, errlen);
	free(list);
	return scopes;
}

int
admin_client_create(struct app *app, const struct client_spec *spec,
    char id[UUID_TEXT_LEN + 1], char secret[SECRET_TEXT_LEN + 1],
    char *err, size_t errlen)
{
	char			 hash[SECRET_HASH_HEX + 1];
	char			*redirects = NULL, *post_logout = NULL;
	char			*scopes = NULL;
	struct client_new	 c;
	enum db_status		 s;
	int			 rc = -1;

	secret[0] = '\0';
	if (check_spec(spec, err, errlen) == -1 ||
	    check_owner(app, spec->user_id, err, errlen) == -1)
		return -1;
	if ((redirects = join_uris(spec->redirects, spec->nredirects,
	    "redirect", err, errlen)) == NULL)
		return -1;
	if ((post_logout = join_uris(spec->post_logout, spec->npost_logout,
	    "post-logout redirect", err, errlen)) == NULL)
		goto out;
	if ((scopes = client_scopes(app, spec, err, errlen)) == NULL)
		goto out;
	if (!spec->is_public) {
		if (secret_new(secret) == -1) {
			snprintf(err, errlen, "random number generator failed");
			goto out;
		}
		secret_hash_hex(secret, strlen(secret), hash);
	}
	memset(&c, 0, sizeof(c));
	c.name = spec->name;
	c.user_id = spec->user_id;
	c.secret_hex = spec->is_public ? NULL : hash;
	c.grants = kind_grants[spec->kind];
	c.redirect_uris = redirects;
	c.post_logout_redirect_uris = post_logout;
	c.scopes = scopes;
	c.first_party = spec->first_party;
	c.resource_server = spec->resource_server;
	/* Core §15.1: RS256, the one every relying party can verify. */
	c.id_token_alg = key_alg(spec->id_token_alg != NULL ?
	    (enum key_type)key_type_parse(spec->id_token_alg) : KEY_RS256);
	c.require_nonce = spec->require_nonce;
	c.remember_consent = !spec->no_remember_consent;
	if ((s = db_client_create(app->db, &c, id)) != DB_OK) {
		admin_db_error(app, s, err, errlen);
		goto out;
	}
	rc = 0;
out:
	if (rc == -1)
		explicit_bzero(secret, SECRET_TEXT_LEN + 1);
	free(redirects);
	free(post_logout);
	free(scopes);
	return rc;
}

int
admin_client_revoke(struct app *app, const char *id, char *err,
    size_t errlen)
{
	enum db_status	s;
	int		found;

	if (!uuid_valid(id)) {
		snprintf(err, errlen, "invalid client id");
		return -1;
	}
	s = db_client_revoke(app->db, id, &found);
	return row_result(app, s, found, "client", id, err, errlen);
}

int
admin_client_show(struct app *app, struct arena *a, const char *id,
    struct client_show_row *out, char *err, size_t errlen)
{
	enum db_status	s;
	int		found;

	if (!uuid_valid(id)) {
		snprintf(err, errlen, "invalid client id");
		return -1;
	}
	s = db_client_show(a, app->db, id, out, &found);
	return row_result(app, s, found, "client", id, err, errlen);
}

int
admin_client_resource_server(struct app *app, const char *id, int on,
    char *err, size_t errlen)
{
	struct arena	*a;
	struct client	 c;
	enum db_status	 s;
	int		 found, is_public;

	if (!uuid_valid(id)) {
		snprintf(err, errlen, "invalid client id");
		return -1;
	}
	a = arena_new();
	s = db_client_find(a, app->db, id, &c, &found);
	is_public = s == DB_OK && found && c.secret_hex == NULL;
	arena_release(a);
	if (row_result(app, s, found, "client", id, err, errlen) == -1)
		return -1;
	if (on && is_public) {
		snprintf(err, errlen, "a public client cannot be a resource "
		    "server (it has no secret to introspect with)");
		return -1;
	}
	s = db_client_set_resource_server(app->db, id, on, &found);
	return row_result(app, s, found, "client", id, err, errlen);
}

int
admin_client_post_logout(struct app *app, const char *id,
    const char *const *uris, size_t n, char *err, size_t errlen)
{
	enum db_status	 s;
	char		*joined;
	int		 found;

	if (!uuid_valid(id)) {
		snprintf(err, errlen, "invalid client id");
		return -1;
	}
	if ((joined = join_uris(uris, n, "post-logout redirect", err,
	    errlen)) == NULL)
		return -1;
	s = db_client_set_post_logout(app->db, id, joined, &found);
	free(joined);
	return row_result(app, s, found, "client", id, err, errlen);
}

static char *
hash_password(struct app *app, const char *password, char *err,
    size_t errlen)
{
	char	*hash;

	if (password == NULL || *password == '\0' ||
	    strlen(password) > PASSWORD_MAX) {
		snprintf(err, errlen, "the password must be 1-%d bytes",
		    PASSWORD_MAX);
		return NULL;
	}
	hash = password_hash(password, (int)app->cfg.bcrypt_cost);
	if (hash == NULL)
		snprintf(err, errlen, "password hashing failed");
	return hash;
}

int
admin_user_add(struct app *app, const char *email, const char *name,
    const char *scopes, const char *password, char **id_out, char *err,
    size_t errlen)
{
	char		*hash = NULL, *sc = NULL;
	enum db_status	 s;
	int		 rc = -1;

	if (!email_valid(email)) {
		snprintf(err, errlen, "invalid e-mail address");
		return -1;
	}
	if (name != NULL && strlen(name) > 255) {
		snprintf(err, errlen, "--name is longer than 255 bytes");
		return -1;
	}
	if ((sc = known_scopes(app, scopes ? scopes : "", err,
	    errlen)) == NULL)
		return -1;
	if ((hash = hash_password(app, password, err, errlen)) == NULL)
		goto out;
	s = db_user_add(app->db, email, name ? name : "", hash, sc, id_out);
	if (s == DB_CONFLICT)
		snprintf(err, errlen, "a user with that e-mail exists");
	else if (s != DB_OK)
		admin_db_error(app, s, err, errlen);
	else
		rc = 0;
out:
	free(hash);
	free(sc);
	return rc;
}

int
admin_user_passwd(struct app *app, const char *id, const char *password,
    char *err, size_t errlen)
{
	char		*hash;
	enum db_status	 s;
	int		 found = 0;

	if (!id_valid(id)) {
		snprintf(err, errlen, "invalid user id");
		return -1;
	}
	if ((hash = hash_password(app, password, err, errlen)) == NULL)
		return -1;
	/*
	 * RFC 9700 §4.14.2: a password change revokes refresh tokens.
	 * One transaction: the new password and the end of every session
	 * and token made under the old one (personal access tokens stay:
	 * they were made by the operator, not by a login).
	 */
	if ((s = db_begin(app->db)) == DB_OK &&
	    (s = db_user_passwd(app->db, id, hash, &found)) == DB_OK &&
	    found && (s = db_user_revoke(app->db, id, 0, NULL)) == DB_OK)
		s = db_commit(app->db);
	free(hash);
	if (s != DB_OK || !found)
		db_rollback(app->db);
	return row_result(app, s, found, "user", id, err, errlen);
}

int
admin_user_revoke(struct app *app, const char *id,
    struct user_revoke_counts *c, char *err, size_t errlen)
{
	enum db_status	s;
	int		found;

	if (!id_valid(id)) {
		snprintf(err, errlen, "invalid user id");
		return -1;
	}
	if ((s = db_user_exists(app->db, id, &found)) == DB_OK && found)
		s = db_user_revoke(app->db, id, 1, c);
	return row_result(app, s, found, "user", id, err, errlen);
}

int
admin_scope_add(struct app *app, const char *name, const char *description,
    char *err, size_t errlen)
{
	struct scope_set	set;
	enum db_status		s;

	if (scope_parse(name, &set) == -1 || set.n != 1 ||
	    strcmp(set.items[0], name) != 0 || strcmp(name, "*") == 0) {
		snprintf(err, errlen, "invalid scope name (RFC 6749 §3.3 "
		    "characters, at most %d bytes)", SCOPE_MAX_NAME);
		return -1;
	}
	if (strlen(description) > 1000) {
		snprintf(err, errlen, "description too long");
		return -1;
	}
	s = db_scope_add(app->db, name, description);
	if (s == DB_CONFLICT)
		snprintf(err, errlen, "scope %s exists", name);
	else if (s != DB_OK)
		admin_db_error(app, s, err, errlen);
	return s == DB_OK ? 0 : -1;
}

/* The personal access client and the user, both live. */
static int
personal_parties(struct arena *a, struct app *app, const char *user_id,
    struct client *c, struct user *u, char *err, size_t errlen)
{
	char		id[UUID_TEXT_LEN + 1];
	enum db_status	s;
	int		found;

	if (!id_valid(user_id)) {
		snprintf(err, errlen, "invalid user id");
		return -1;
	}
	if ((s = db_client_personal(app->db, id, &found)) != DB_OK ||
	    (found && (s = db_client_find(a, app->db, id, c, &found)) !=
	    DB_OK)) {
		admin_db_error(app, s, err, errlen);
		return -1;
	}
	if (!found) {
		snprintf(err, errlen, "no personal access client: make one "
		    "with `cpassport client --personal --name NAME`");
		return -1;
	}
	if ((s = db_user_find_by_id(a, app->db, user_id, u, &found)) !=
	    DB_OK ||
	    !found || u->revoked) {
		if (s != DB_OK)
			admin_db_error(app, s, err, errlen);
		else
			snprintf(err, errlen, "no active user with id %s",
			    user_id);
		return -1;
	}
	return 0;
}

int
admin_token_create(struct app *app, const char *user_id, const char *name,
    const char *scopes, char **jwt_out, char jti[UUID_TEXT_LEN + 1],
    char *err, size_t errlen)
{
	struct arena		*a;
	struct client		 c;
	struct user		 u;
	struct scope_set	 req, granted;
	struct issue_request	 ir;
	struct issued		 t;
	char			*list;
	enum db_status		 s;
	int			 rc = -1;

	if (name == NULL || *name == '\0' || strlen(name) > 255) {
		snprintf(err, errlen, "--name is required (1-255 bytes)");
		return -1;
	}
	if ((list = known_scopes(app, scopes ? scopes :
	    app->cfg.default_scope, err, errlen)) == NULL)
		return -1;
	a = arena_new();
	if (personal_parties(a, app, user_id, &c, &u, err, errlen) == -1) {
		arena_release(a);
		free(list);
		return -1;
	}
	scope_parse(list, &req);
	scope_narrow(&req, &c.scopes, &u.scopes, &granted);
	memset(&ir, 0, sizeof(ir));
	ir.user_id = u.id;
	ir.client_id = c.id;
	ir.scopes = &granted;
	ir.name = name;
	ir.lifetime = app->cfg.personal_access_token_lifetime;
	if (issue_mint(app, &ir, &t) != OAUTH_OK)
		snprintf(err, errlen, "signing failed");
	else if ((s = db_token_insert(app->db, &t.row)) != DB_OK)
		admin_db_error(app, s, err, errlen);
	else {
		*jwt_out = xstrdup(t.jwt);
		snprintf(jti, UUID_TEXT_LEN + 1, "%s", t.jti);
		rc = 0;
	}
	issue_clear(&t);
	free(list);
	arena_release(a);
	return rc;
}

int
admin_token_revoke(struct app *app, const char *jti, char *err,
    size_t errlen)
{
	enum db_status	s;
	int		found;

	if (!uuid_valid(jti)) {
		snprintf(err, errlen, "invalid token id (the jti, a UUID)");
		return -1;
	}
	s = db_token_revoke_access(app->db, jti, &found);
	return row_result(app, s, found, "token", jti, err, errlen);
}

int
admin_purge(struct app *app, int what, struct purge_counts *c,
    int *keys_removed, char *err, size_t errlen)
{
	enum db_status	s;
	long		longest;

	*keys_removed = 0;
	if ((s = db_purge(app->db, what, c)) != DB_OK) {
		admin_db_error(app, s, err, errlen);
		return -1;
	}
	if (!(what & PURGE_EXPIRED) || app->cfg.signing_key == NULL)
		return 0;
	/* A retired key verifies tokens until the longest-lived expires. */
	longest = app->cfg.access_token_lifetime;
	if (app->cfg.personal_access_token_lifetime > longest)
		longest = app->cfg.personal_access_token_lifetime;
	return keyset_purge(app->cfg.signing_key, time(NULL) - longest,
	    keys_removed, err, errlen);
}
