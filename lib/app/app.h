/*
 * What a process holds between requests, made before the request loop
 * (app_init) and released after it (app_free): the configuration, the
 * database handle, the signing keys and the client cache.  Two more
 * caches are file-static: the claims of up to 64 access tokens whose
 * signature was verified (auth/access_token.c), and the dummy bcrypt
 * setting an unknown e-mail is checked against, made at the first one
 * (crypto/password.c).  None decides alone (docs/DESIGN.md "Caches").
 */
#ifndef CPASSPORT_APP_H
#define CPASSPORT_APP_H

#include <stddef.h>

#include "crypto/keyset.h"
#include "http/http.h"
#include "parse/config.h"
#include "store/client_cache.h"
#include "store/db.h"

struct app {
	struct config	 cfg;
	/* One connection, made at first use and re-made when lost. */
	struct db	*db;
	/* signing_key and the retired keys beside it; NULL unless asked. */
	struct keyset	*keys;
	/*
	 * Bumped by each reload of keys: the verified-token cache uses only
	 * entries of the current generation.
	 */
	unsigned long	 keys_generation;
	/*
	 * CLIENT_CACHE_SIZE copies of clients that authenticated, for the
	 * client_credentials grant (token.fcgi) and introspection
	 * (introspect.fcgi); each use is confirmed against the row's xmin
	 * in the statement that relies on it (client_cache.h).
	 */
	struct client_cache clients;
};

/*
 * Load the config (config_path(explicit_path)), make the database handle
 * (connected lazily) and, when need_key, load the signing keys.  Returns
 * 0, or -1 with a message in err.
 */
int	app_init(struct app *, const char *explicit_path, int need_key,
	    char *err, size_t errlen);
void	app_free(struct app *);
/*
 * Per request, in the programs that sign or verify tokens (token, revoke,
 * introspect, user, discovery): one stat(2) of signing_key, and a reload
 * of the keys when its device, inode, size or mtime changed (rotation,
 * --force, a purge that removed retired keys), which bumps
 * keys_generation.  A failed reload keeps the keys loaded.
 */
void	app_refresh(struct app *);

/*
 * The whole main() of an endpoint program: log as progname, load the
 * config from $CPASSPORT_CONFIG and the keys, serve requests with h.
 * Returns the process exit status.
 */
int	app_main(const char *progname, http_handler h);

#endif
