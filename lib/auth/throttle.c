/* Login throttle policy; see throttle.h. */
#include <stdio.h>
#include <string.h>

#include "auth/throttle.h"
#include "base/log.h"

enum db_status
throttle_take(struct app *app, const char *email, const char *address,
    struct throttle_slot *slot, long *wait)
{
	struct throttle_count	c[2];
	enum db_status		s;
	long			limit;
	int			i, n;

	*wait = 0;
	memset(slot, 0, sizeof(*slot));
	s = db_throttle_take(app->db, email, address, THROTTLE_WINDOW, c, &n);
	if (s != DB_OK)
		return s;
	for (i = 0; i < n; i++) {
		snprintf(c[i].is_account ? slot->account : slot->address,
		    THROTTLE_WINDOW_ID_MAX, "%s", c[i].window);
		limit = c[i].is_account ? THROTTLE_ACCOUNT_LIMIT :
		    THROTTLE_ADDRESS_LIMIT;
		if (c[i].attempts > limit && c[i].left > *wait)
			*wait = c[i].left;
	}
	/* A refused attempt is not counted: the key stays at its limit. */
	if (*wait > 0)
		throttle_give_back(app, email, address, slot);
	return DB_OK;
}

void
throttle_give_back(struct app *app, const char *email, const char *address,
    const struct throttle_slot *slot)
{
	const char	*aw, *dw;

	aw = slot->account[0] != '\0' ? slot->account : NULL;
	dw = slot->address[0] != '\0' ? slot->address : NULL;
	/* Logged, not fatal: at worst the key waits for its window's end. */
	if (db_throttle_give_back(app->db, email, aw, address, dw) != DB_OK)
		log_warnx("%s: could not give back a login slot", __func__);
}
