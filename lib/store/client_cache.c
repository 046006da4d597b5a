/* The per-process client cache; see client_cache.h. */
#include <string.h>

#include "store/client_cache.h"

static struct client *
find(struct client_cache *cc, const char *id)
{
	size_t	i;

	for (i = 0; i < CLIENT_CACHE_SIZE; i++)
		if (cc->entries[i].id[0] != '\0' &&
		    strcmp(cc->entries[i].id, id) == 0)
			return &cc->entries[i];
	return NULL;
}

int
client_cache_get(struct arena *a, struct client_cache *cc, const char *id,
    struct client *out)
{
	struct client	*e;

	if ((e = find(cc, id)) == NULL)
		return 0;
	db_client_copy(a, out, e);
	out->cached = 1;
	return 1;
}

void
client_cache_put(struct client_cache *cc, const struct client *c)
{
	struct client	*e;

	if ((e = find(cc, c->id)) == NULL) {
		e = &cc->entries[cc->next];
		cc->next = (cc->next + 1) % CLIENT_CACHE_SIZE;
	}
	/* The cache's own copy: the request's arena does not outlive it. */
	db_client_free(e);
	db_client_copy(NULL, e, c);
	e->cached = 0;
}

void
client_cache_drop(struct client_cache *cc, const char *id)
{
	struct client	*e;

	if ((e = find(cc, id)) != NULL)
		db_client_free(e);
}

void
client_cache_free(struct client_cache *cc)
{
	size_t	i;

	for (i = 0; i < CLIENT_CACHE_SIZE; i++)
		db_client_free(&cc->entries[i]);
}
