/* Revoking remembered consents; see admin_consent.h. */
#include <stdio.h>

#include "admin/admin.h"
#include "admin/admin_consent.h"
#include "base/arena.h"
#include "parse/valid.h"
#include "store/db_client.h"
#include "store/db_consent.h"
#include "store/db_user.h"

/* The client exists (revoked or not): *found. */
static enum db_status
client_exists(struct app *app, const char *id, int *found)
{
	struct arena	*a = arena_new();
	struct client	 c;
	enum db_status	 s;

	s = db_client_find(a, app->db, id, &c, found);
	arena_release(a);
	return s;
}

int
admin_consent_revoke(struct app *app, const char *user_id,
    const char *client_id, long *n, char *err, size_t errlen)
{
	enum db_status	s;
	int		found = 0;

	*n = 0;
	if (!id_valid(user_id)) {
		snprintf(err, errlen, "invalid user id");
		return -1;
	}
	if (client_id != NULL && !uuid_valid(client_id)) {
		snprintf(err, errlen, "invalid client id");
		return -1;
	}
	if ((s = db_user_exists(app->db, user_id, &found)) == DB_OK &&
	    !found) {
		snprintf(err, errlen, "no user with id %s", user_id);
		return -1;
	}
	if (s == DB_OK && client_id != NULL &&
	    (s = client_exists(app, client_id, &found)) == DB_OK && !found) {
		snprintf(err, errlen, "no client with id %s", client_id);
		return -1;
	}
	if (s == DB_OK)
		s = db_consent_revoke(app->db, user_id, client_id, n);
	if (s != DB_OK) {
		admin_db_error(app, s, err, errlen);
		return -1;
	}
	return 0;
}
