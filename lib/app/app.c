/* Process context; see app.h. */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "base/log.h"

int
app_init(struct app *app, const char *explicit_path, int need_key,
    char *err, size_t errlen)
{
	char	kerr[256];

	memset(app, 0, sizeof(*app));
	if (config_load(config_path(explicit_path), &app->cfg, err,
	    errlen) == -1)
		return -1;
	if (need_key) {
		if (app->cfg.signing_key == NULL) {
			snprintf(err, errlen, "\"signing_key\" is not set");
			goto fail;
		}
		app->keys = keyset_load(app->cfg.signing_key, kerr,
		    sizeof(kerr));
		if (app->keys == NULL) {
			snprintf(err, errlen, "%s", kerr);
			goto fail;
		}
	}
	app->db = db_new(app->cfg.database);
	return 0;
fail:
	config_free(&app->cfg);
	return -1;
}

void
app_free(struct app *app)
{
	db_free(app->db);
	keyset_free(app->keys);
	client_cache_free(&app->clients);
	config_free(&app->cfg);
	memset(app, 0, sizeof(*app));
}

void
app_refresh(struct app *app)
{
	if (app->keys != NULL &&
	    keyset_refresh(&app->keys, app->cfg.signing_key))
		app->keys_generation++;
}

int
app_main(const char *progname, const struct router *rt)
{
	struct app	app;
	char		err[512];
	int		rc;

	log_init(progname);
	if (app_init(&app, NULL, 1, err, sizeof(err)) == -1) {
		log_warnx("%s", err);
		return 1;
	}
	rc = http_serve(rt, &app, app.cfg.max_requests);
	app_free(&app);
	return rc;
}
