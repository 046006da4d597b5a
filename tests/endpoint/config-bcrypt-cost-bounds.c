/*
 * bcrypt_cost is bounded, 4 to 16 (PASSWORD_COST_MIN, PASSWORD_COST_MAX
 * in parse/config.h): 3, 17 and a word are refused when the config is
 * loaded, with a message naming the key; 4 and 16 are taken.
 */
#include "token-lib.h"

int
main(void)
{
	static const char *const bad[] = { "3", "17", "x" };
	struct ep	 t;
	char		 line[64], err[512];
	size_t		 i;
	int		 lo, hi;

	ep_start(&t, NULL);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(line, sizeof(line), "bcrypt_cost = %s", bad[i]);
		*err = '\0';
		ep_ok(tk_load_config(&t, line, err, sizeof(err)) == -1 &&
		    strstr(err, "bcrypt_cost") != NULL,
		    "config-bcrypt-cost-bounds: bcrypt_cost = %s is refused",
		    bad[i]);
	}
	lo = tk_load_config(&t, "bcrypt_cost = 4", err, sizeof(err));
	hi = tk_load_config(&t, "bcrypt_cost = 16", err, sizeof(err));
	ep_ok(lo == 0 && hi == 0,
	    "config-bcrypt-cost-bounds: bcrypt_cost = 4 and 16 are taken");
	return ep_finish(&t);
}
