/*
 * What a process holds between requests: the configuration, the database
 * connection and the signing key.  Made once before the request loop.
 */
#ifndef CPASSPORT_APP_H
#define CPASSPORT_APP_H

#include <stddef.h>

#include "config.h"
#include "db.h"
#include "keys.h"

struct app {
	struct config	 cfg;
	struct db	*db;
	struct key	*key;	/* NULL unless asked for */
};

/*
 * Load the config (config_path(explicit_path)), make the database handle
 * (connected lazily) and, when need_key, load the signing key.  Returns 0,
 * or -1 with a message in err.
 */
int	app_init(struct app *, const char *explicit_path, int need_key,
	    char *err, size_t errlen);
void	app_free(struct app *);

#endif
