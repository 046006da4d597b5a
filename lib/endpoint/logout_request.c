/* The end-session request; see logout_request.h. */
#include <string.h>

#include "crypto/jwt.h"
#include "crypto/secret.h"
#include "endpoint/logout_request.h"
#include "parse/redirect_uri.h"
#include "parse/valid.h"

const struct form_param logout_params[LO__MAX] = {
	[LO_ID_TOKEN_HINT] = { "id_token_hint", JWT_MAX_LEN },
	[LO_CLIENT_ID] = { "client_id", 64 },
	[LO_POST_LOGOUT_REDIRECT_URI] = { "post_logout_redirect_uri",
	    REDIRECT_URI_MAX },
	[LO_STATE] = { "state", 512 },
	[LO_UI_LOCALES] = { "ui_locales", 256 },
	[LO_LOGOUT_HINT] = { "logout_hint", 512 },
	[LO_CSRF] = { "csrf_token", SECRET_HASH_HEX },
};

/* §3: uri is one of the space-separated list, exactly (no loopback rule). */
static int
uri_listed(const char *list, const char *uri)
{
	size_t	n = strlen(uri), len;

	while (list != NULL && *list != '\0') {
		len = strcspn(list, " ");
		if (len == n && memcmp(list, uri, n) == 0)
			return 1;
		list += len;
		list += strspn(list, " ");
	}
	return 0;
}

/* The client of id, live; LOGOUT_NO_CLIENT when there is none. */
static enum logout_status
find_client(struct arena *a, struct app *app, const char *id,
    struct logout_request *lr)
{
	int	found = 0;

	if (!uuid_valid(id))
		return LOGOUT_NO_CLIENT;
	if (db_client_find(a, app->db, id, &lr->client, &found) != DB_OK)
		return LOGOUT_UNAVAILABLE;
	if (!found || lr->client.revoked)
		return LOGOUT_NO_CLIENT;
	lr->has_client = 1;
	return LOGOUT_OK;
}

enum logout_status
logout_request_resolve(struct arena *a, struct app *app,
    struct logout_request *lr)
{
	const char		*hint = lr->v[LO_ID_TOKEN_HINT].s;
	const char		*id = lr->v[LO_CLIENT_ID].s;
	const char		*uri = lr->v[LO_POST_LOGOUT_REDIRECT_URI].s;
	enum logout_status	 st;

	lr->has_hint = lr->has_client = 0;
	lr->redirect = lr->state = NULL;
	if (hint != NULL) {
		/* §2: a hint "previously issued by the OP"; keys as rotated. */
		app_refresh(app);
		if (!id_token_hint_verify(a, app->keys, app->cfg.issuer, hint,
		    lr->v[LO_ID_TOKEN_HINT].len, &lr->hint))
			return LOGOUT_BAD_HINT;
		lr->has_hint = 1;
		/* §2: when both are given, client_id is the hint's aud. */
		if (id != NULL && strcmp(id, lr->hint.aud) != 0)
			return LOGOUT_CLIENT_MISMATCH;
		id = lr->hint.aud;
	}
	if (id != NULL && (st = find_client(a, app, id, lr)) != LOGOUT_OK)
		return st;
	if (uri == NULL)
		return LOGOUT_OK;
	/* §3: exactly a registered URI of a known client, or no redirect. */
	if (!lr->has_client ||
	    !uri_listed(lr->client.post_logout_redirect_uris, uri) ||
	    !redirect_uri_valid(uri))
		return LOGOUT_BAD_REDIRECT;
	lr->redirect = uri;
	lr->state = lr->v[LO_STATE].s;
	return LOGOUT_OK;
}
