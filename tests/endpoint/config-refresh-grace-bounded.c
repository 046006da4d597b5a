/*
 * refresh_token_grace_period takes 0 (no grace) to 300 seconds: -1, 301
 * and a word are refused when the config is loaded, 0 is taken.
 */
#include "token-lib.h"

static int
refused(struct ep *t, const char *value)
{
	char	line[128], err[512];

	snprintf(line, sizeof(line), "refresh_token_grace_period = %s", value);
	return tk_load_config(t, line, err, sizeof(err)) == -1;
}

int
main(void)
{
	struct ep	t;

	ep_start(&t, NULL);
	ep_ok(refused(&t, "-1") && refused(&t, "301") && refused(&t, "x") &&
	    !refused(&t, "0"), "config-refresh-grace-bounded: "
	    "refresh_token_grace_period takes 0-300 only");
	return ep_finish(&t);
}
