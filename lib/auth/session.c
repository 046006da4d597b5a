/* Login sessions; see session.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "auth/session.h"
#include "crypto/secret.h"
#include "parse/cookie.h"

static const char *
cookie_name(const struct app *app)
{
	/* RFC 6265bis §4.1.3.2: __Host- pins Secure, Path=/, no Domain. */
	return app->cfg.allow_plain_http ? "cpassport_session" :
	    "__Host-cpassport_session";
}

static void
set_cookie(struct app *app, struct http_response *r, const char *value,
    long max_age)
{
	http_resp_header(r, "Set-Cookie",
	    "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Lax%s",
	    cookie_name(app), value, max_age,
	    app->cfg.allow_plain_http ? "" : "; Secure");
}

/* The SHA-256 hex of the request's session cookie; 0, or -1 if none. */
static int
cookie_hash(struct app *app, const struct http_request *req,
    char hash[SECRET_HASH_HEX + 1])
{
	char	*v = cookie_get(req->arena, req->cookie, cookie_name(app),
		    SECRET_TEXT_LEN);

	if (v == NULL)
		return -1;
	secret_hash_hex(v, strlen(v), hash);
	return 0;
}

int
session_current(struct app *app, const struct http_request *req,
    struct session_row *out)
{
	char	hash[SECRET_HASH_HEX + 1];
	int	found;

	memset(out, 0, sizeof(*out));
	if (cookie_hash(app, req, hash) == -1)
		return 0;
	if (db_session_find(req->arena, app->db, hash, out, &found) != DB_OK)
		return -1;
	return found;
}

/*
 * Start a session for user_id, authenticated now by amr, with a fresh
 * sid, and set its cookie; the SHA-256 hex of the cookie in hash.
 */
static int
start(struct app *app, const char *user_id, const char *amr,
    struct http_response *r, char hash[SECRET_HASH_HEX + 1])
{
	char	value[SECRET_TEXT_LEN + 1];
	char	csrf[SECRET_HASH_HEX + 1];
	time_t	now = time(NULL);
	int	rc = -1;

	if (secret_new(value) == -1 || secret_new_hex(csrf) == -1)
		goto out;
	secret_hash_hex(value, strlen(value), hash);
	if (db_session_create(app->db, hash, user_id, csrf, now, amr,
	    now + app->cfg.session_lifetime) != DB_OK)
		goto out;
	set_cookie(app, r, value, app->cfg.session_lifetime);
	rc = 0;
out:
	explicit_bzero(value, sizeof(value));
	return rc;
}

int
session_renew(struct app *app, const struct http_request *req,
    const char *user_id, const char *amr, struct http_response *r,
    struct session_row *out)
{
	char	hash[SECRET_HASH_HEX + 1];
	int	found = 0;

	memset(out, 0, sizeof(*out));
	if (cookie_hash(app, req, hash) == 0 &&
	    db_session_delete(app->db, hash) != DB_OK)
		return -1;
	if (start(app, user_id, amr, r, hash) == -1 ||
	    db_session_find(req->arena, app->db, hash, out, &found) != DB_OK ||
	    !found)
		return -1;
	return 0;
}

int
session_end(struct app *app, const struct http_request *req,
    struct http_response *r)
{
	char	hash[SECRET_HASH_HEX + 1];

	if (cookie_hash(app, req, hash) == 0 &&
	    db_session_delete(app->db, hash) != DB_OK)
		return -1;
	set_cookie(app, r, "", 0);
	return 0;
}
