/* Process context; see app.h. */
#include <stdio.h>
#include <string.h>

#include "app.h"

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
		app->key = key_load(app->cfg.signing_key, kerr, sizeof(kerr));
		if (app->key == NULL) {
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
	key_free(app->key);
	config_free(&app->cfg);
	memset(app, 0, sizeof(*app));
}
