/*
 * New password hashes are bcrypt "$2y$" (what Laravel writes) at
 * bcrypt_cost: 12 here, as Laravel 11+ writes.
 */
#include "token-lib.h"

int
main(void)
{
	struct ep	 t;
	const char	*h;

	ep_start(&t, "bcrypt_cost = 12");
	ep_scope(&t, "read", "read things");
	ep_user(&t, "known@example.com", "read", "pw one");
	h = ep_sql(&t, "SELECT password FROM users WHERE email = $1",
	    "known@example.com", NULL);
	ep_ok(h != NULL && strncmp(h, "$2y$12$", 7) == 0,
	    "password-cost-new-hash: user add hashes at bcrypt_cost ($2y$12$)");
	return ep_finish(&t);
}
