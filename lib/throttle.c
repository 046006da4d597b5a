/* Login throttle policy; see throttle.h. */
#include "db_throttle.h"
#include "log.h"
#include "throttle.h"

enum db_status
throttle_wait(struct app *app, const char *email, const char *address,
    long *wait)
{
	return db_throttle_wait(app->db, email, address, wait);
}

void
throttle_failed(struct app *app, const char *email, const char *address)
{
	/* A failure to count is logged, not fatal: the login failed anyway. */
	if (db_throttle_fail(app->db, "account", email,
	    THROTTLE_ACCOUNT_LIMIT, THROTTLE_WINDOW, THROTTLE_BLOCK) != DB_OK ||
	    (address != NULL && db_throttle_fail(app->db, "address", address,
	    THROTTLE_ADDRESS_LIMIT, THROTTLE_WINDOW, THROTTLE_BLOCK) != DB_OK))
		log_warnx("%s: could not count a failed login", __func__);
}

void
throttle_succeeded(struct app *app, const char *email)
{
	if (db_throttle_reset(app->db, email) != DB_OK)
		log_warnx("%s: could not reset a login counter", __func__);
}
