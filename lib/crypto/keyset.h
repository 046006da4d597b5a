/*
 * The signing key and the keys it replaced.  The config's signing_key
 * path P holds the current key; `cpassport keys --rotate` keeps the old
 * one as P.<unix-time-retired> beside it, so tokens it signed still
 * verify (and JWKS lists it) until purged.  Programs call
 * keyset_refresh() per request: one stat(2), a reload only when P
 * changed.
 */
#ifndef CPASSPORT_KEYSET_H
#define CPASSPORT_KEYSET_H

#include <stddef.h>
#include <time.h>

#include "crypto/keys.h"

#define KEYSET_MAX	16	/* keys kept: current + retired */

struct keyset;

/*
 * Load P and every P.<digits> beside it.  Returns NULL with a message in
 * err when P cannot be loaded (a broken retired key is skipped and
 * logged).  Free with keyset_free().
 */
struct keyset	*keyset_load(const char *path, char *err, size_t errlen);
void		 keyset_free(struct keyset *);

/*
 * Reload *ks when P's inode, size or mtime changed since it was loaded.
 * On a failed reload the old set stays.  Returns 1 if reloaded, else 0.
 */
int		 keyset_refresh(struct keyset **ks, const char *path);

const struct key *keyset_current(const struct keyset *);
/* The key with this kid, or NULL. */
const struct key *keyset_find(const struct keyset *, const char *kid);
size_t		 keyset_count(const struct keyset *);
/* Key i (0 is the current key); retired-at time through *retired (0 = current). */
const struct key *keyset_get(const struct keyset *, size_t i,
		    time_t *retired);

/* {"keys":[jwk, …]} of every key (RFC 7517 §5); caller frees. */
char		*keyset_jwks(const struct keyset *);

/*
 * Make a new key of the type at P, keeping the old one as P.<now>:
 * generate into a temp file, hard-link P to P.<now>, rename the temp
 * file over P (so P is never missing).  Returns 0, or -1 with a message.
 */
int		 keyset_rotate(const char *path, enum key_type, char *err,
		    size_t errlen);

/*
 * Remove retired keys P.<t> with t < before (the caller passes now minus
 * the longest token lifetime).  *removed counts them.  When it removed
 * any, P's mtime is renewed (its contents untouched) so that running
 * programs' keyset_refresh() drops them too.  0, or -1 with a message.
 */
int		 keyset_purge(const char *path, time_t before, int *removed,
		    char *err, size_t errlen);

#endif
