/* The ready-made callback's URIs; see callback_uri.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/callback_uri.h"
#include "base/xalloc.h"

#define PATH_CALLBACK	"/callback"
#define PATH_START_TAIL	"/start"

char *
callback_uri_issuer(const struct config *cfg)
{
	char	*s = xstrdup(cfg->issuer != NULL ? cfg->issuer : "");
	size_t	 n = strlen(s);

	while (n > 0 && s[n - 1] == '/')
		s[--n] = '\0';
	return s;
}

char *
callback_uri_redirect(const struct config *cfg)
{
	char	*issuer, *s;

	if (cfg->callback_redirect_uri != NULL)
		return xstrdup(cfg->callback_redirect_uri);
	issuer = callback_uri_issuer(cfg);
	s = xasprintf("%s" PATH_CALLBACK, issuer);
	free(issuer);
	return s;
}

char *
callback_uri_start(const struct config *cfg)
{
	char	*own = callback_uri_redirect(cfg), *s;

	s = xasprintf("%.*s" PATH_START_TAIL, (int)strcspn(own, "?#"), own);
	free(own);
	return s;
}

int
callback_uri_is_own(const struct config *cfg, const char *client_id,
    const char *redirect_uri)
{
	char	*own;
	int	 is;

	/* Client ids are UUIDs: the same in either case. */
	if (cfg->callback_client_id == NULL || client_id == NULL ||
	    redirect_uri == NULL ||
	    strcasecmp(cfg->callback_client_id, client_id) != 0)
		return 0;
	own = callback_uri_redirect(cfg);
	is = strcmp(own, redirect_uri) == 0;
	free(own);
	return is;
}
