/*
 * A process's copies of the clients it authenticated lately, so the
 * client_credentials grant can issue with one SQL statement (the insert
 * names the copy's row versions and stores nothing when the client or its
 * owner changed since: db_token_insert_current()) and introspection
 * checks a token and its caller in one (db_token_access_find_for()).  A
 * copy is only ever a claim; nothing is granted on it without that check.
 */
#ifndef CPASSPORT_CLIENT_CACHE_H
#define CPASSPORT_CLIENT_CACHE_H

#include "store/db_client.h"

#define CLIENT_CACHE_SIZE	16

struct client_cache {
	struct client	entries[CLIENT_CACHE_SIZE];	/* id "" = free */
	unsigned	next;		/* the slot replaced next */
};

/* 1 and a copy in *out, in the arena (cached = 1), when id is held. */
int	client_cache_get(struct arena *, struct client_cache *, const char *id,
	    struct client *out);
/* Hold a copy of c, replacing its old copy or the oldest slot. */
void	client_cache_put(struct client_cache *, const struct client *c);
void	client_cache_drop(struct client_cache *, const char *id);
void	client_cache_free(struct client_cache *);

#endif
