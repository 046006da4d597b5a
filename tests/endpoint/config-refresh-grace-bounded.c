/*
 * refresh_token_grace_period takes 0 (no grace) to 300 seconds: -1, 301
 * and a word are refused when the config is loaded, 0 is taken.
 */
#include <stdlib.h>
#include <unistd.h>

#include "token-lib.h"

/* app_init() on the test's config with one more line; 0 or -1. */
static int
load(struct ep *t, const char *line)
{
	char		 src[512], dst[512], buf[4096], err[512];
	size_t		 n;
	FILE		*in, *out;
	struct app	 app;
	int		 rc;

	snprintf(src, sizeof(src), "%s/cpassport.conf", t->dir);
	snprintf(dst, sizeof(dst), "%s/bad.conf", t->dir);
	if ((in = fopen(src, "r")) == NULL || (out = fopen(dst, "w")) == NULL) {
		printf("Bail out! %s: cannot copy\n", src);
		exit(1);
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	fprintf(out, "%s\n", line);
	fclose(in);
	fclose(out);
	rc = app_init(&app, dst, 0, err, sizeof(err));
	if (rc == 0)
		app_free(&app);
	unlink(dst);
	return rc;
}

int
main(void)
{
	struct ep	t;

	ep_start(&t, NULL);
	ep_ok(load(&t, "refresh_token_grace_period = -1") == -1 &&
	    load(&t, "refresh_token_grace_period = 301") == -1 &&
	    load(&t, "refresh_token_grace_period = x") == -1 &&
	    load(&t, "refresh_token_grace_period = 0") == 0,
	    "config-refresh-grace-bounded: refresh_token_grace_period takes "
	    "0-300 only");
	return ep_finish(&t);
}
