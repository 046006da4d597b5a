/* The ready-made callback's URIs; see callback_uri.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/callback_uri.h"
#include "base/arena.h"

#define PATH_CALLBACK	"/callback"
#define PATH_START_TAIL	"/start"

char *
callback_uri_issuer(struct arena *a, const struct config *cfg)
{
	char	*s = arena_strdup(a, cfg->issuer != NULL ? cfg->issuer : "");
	size_t	 n = strlen(s);

	while (n > 0 && s[n - 1] == '/')
		s[--n] = '\0';
	return s;
}

char *
callback_uri_redirect(struct arena *a, const struct config *cfg)
{
	if (cfg->callback_redirect_uri != NULL)
		return arena_strdup(a, cfg->callback_redirect_uri);
	return arena_printf(a, "%s" PATH_CALLBACK, callback_uri_issuer(a, cfg));
}

char *
callback_uri_start(struct arena *a, const struct config *cfg)
{
	char	*own = callback_uri_redirect(a, cfg);

	return arena_printf(a, "%.*s" PATH_START_TAIL,
	    (int)strcspn(own, "?#"), own);
}

int
callback_uri_is_own(struct arena *a, const struct config *cfg,
    const char *client_id, const char *redirect_uri)
{
	/* Client ids are UUIDs: the same in either case. */
	if (cfg->callback_client_id == NULL || client_id == NULL ||
	    redirect_uri == NULL ||
	    strcasecmp(cfg->callback_client_id, client_id) != 0)
		return 0;
	return strcmp(callback_uri_redirect(a, cfg), redirect_uri) == 0;
}
