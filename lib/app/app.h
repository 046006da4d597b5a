/*
 * What a process holds between requests: the configuration, the database
 * connection and the signing key.  Made once before the request loop.
 */
#ifndef CPASSPORT_APP_H
#define CPASSPORT_APP_H

#include <stddef.h>

#include "crypto/keyset.h"
#include "http/http.h"
#include "http/route.h"
#include "parse/config.h"
#include "store/client_cache.h"
#include "store/db.h"

struct app {
	struct config	 cfg;
	struct db	*db;
	struct keyset	*keys;	/* NULL unless asked for */
	unsigned long	 keys_generation; /* bumped when the keys reload */
	struct client_cache clients;	/* for client_credentials */
};

/*
 * Load the config (config_path(explicit_path)), make the database handle
 * (connected lazily) and, when need_key, load the signing keys.  Returns
 * 0, or -1 with a message in err.
 */
int	app_init(struct app *, const char *explicit_path, int need_key,
	    char *err, size_t errlen);
void	app_free(struct app *);
/* Per request: pick up a rotated signing key (one stat(2)). */
void	app_refresh(struct app *);

/*
 * The whole main() of an endpoint program: log as progname, load the
 * config from $CPASSPORT_CONFIG and the keys, serve requests through the
 * program's routes (route.h; each handler's ctx is the struct app).
 * Returns the process exit status.
 */
int	app_main(const char *progname, const struct router *);

#endif
