/* Password logins; see credentials.h. */
#include <stdlib.h>
#include <string.h>

#include "auth/credentials.h"
#include "auth/throttle.h"
#include "base/log.h"
#include "crypto/password.h"
#include "parse/valid.h"

/*
 * A stored hash cheaper than bcrypt_cost, or of another scheme, is
 * replaced now that the password is known.  Best effort: the login
 * stands if it fails; a hash changed meanwhile (`user passwd`) is kept.
 */
static void
upgrade(struct app *app, const struct user *u, const char *password)
{
	char	*fresh;

	fresh = password_rehash(password, u->password,
	    (int)app->cfg.bcrypt_cost);
	if (fresh == NULL)
		return;
	if (db_user_rehash(app->db, u->id, u->password, fresh) != DB_OK)
		log_warnx("%s: could not store a rehashed password",
		    __func__);
	explicit_bzero(fresh, strlen(fresh));
	free(fresh);
}

enum db_status
credentials_check(struct arena *a, struct app *app, const char *email,
    const char *password, const char *address, struct user *u,
    enum credentials_result *res, long *wait)
{
	struct throttle_slot	slot;
	enum db_status		s;
	int			found = 0, ok;

	memset(u, 0, sizeof(*u));
	*res = CREDENTIALS_WRONG;
	/* RFC 6749 §4.3.2, §10.10: counted before any password is verified. */
	if ((s = throttle_take(app, email, address, &slot, wait)) != DB_OK)
		return s;
	if (*wait > 0) {
		*res = CREDENTIALS_THROTTLED;
		return DB_OK;
	}
	if (email_valid(email) &&
	    (s = db_user_find_by_email(a, app->db, email, u, &found)) != DB_OK) {
		throttle_give_back(app, email, address, &slot);
		return s;
	}
	/* The same work whether or not the account exists. */
	ok = password_verify(password, found ? u->password : NULL,
	    (int)app->cfg.bcrypt_cost) && found && !u->revoked;
	if (!ok) {
		memset(u, 0, sizeof(*u));
		return DB_OK;	/* the failure keeps its slot */
	}
	throttle_give_back(app, email, address, &slot);
	upgrade(app, u, password);
	*res = CREDENTIALS_OK;
	return DB_OK;
}
