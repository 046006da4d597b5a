/*
 * The signing keys, in one directory beside the config's signing_key path
 * P.  P holds the access tokens' key; its type is their algorithm.  The
 * active key of each other type, for the id_tokens of clients that ask
 * that algorithm, lives beside it as P.es256, P.rs256 or P.eddsa (the
 * "companions"; RS256 is always one of the set, OpenID Connect Core
 * §15.1).  A rotation keeps the old key as P.<unix-time-retired> or
 * P.<type>.<unix-time-retired>, so tokens it signed still verify (and
 * JWKS lists it) until purged.  Programs call keyset_refresh() per
 * request: one stat(2) of P, a reload only when P changed; every change
 * of a companion renews P's mtime.
 *
 * keyset.c loads the set; keyset_rotate.c changes the files.
 */
#ifndef CPASSPORT_KEYSET_H
#define CPASSPORT_KEYSET_H

#include <stddef.h>
#include <time.h>

#include "crypto/keys.h"

#define KEYSET_MAX	32	/* keys kept: P, companions, retired */

struct keyset;

/*
 * Load P, its companions and the retired keys beside it (newest first,
 * up to KEYSET_MAX in all).  Returns NULL with a message in err when P
 * cannot be loaded; a broken companion or retired key is skipped and
 * logged, and a companion of P's own type is only verified with.  Free
 * with keyset_free().
 */
struct keyset	*keyset_load(const char *path, char *err, size_t errlen);
void		 keyset_free(struct keyset *);

/*
 * Reload *ks when P's inode, size or mtime changed since it was loaded.
 * On a failed reload the old set stays.  Returns 1 if reloaded, else 0.
 */
int		 keyset_refresh(struct keyset **ks, const char *path);

/* P: the access tokens' key. */
const struct key *keyset_current(const struct keyset *);
/*
 * The active key of the type (P for P's own type, else its companion),
 * or NULL when the set has none: what signs an id_token of that
 * algorithm.
 */
const struct key *keyset_for(const struct keyset *, enum key_type);
/*
 * The JOSE algs ("ES256", "RS256", "EdDSA", in that order) that have an
 * active key, in algs[0..n), n returned: a discovery document's
 * id_token_signing_alg_values_supported.
 */
size_t		 keyset_algs(const struct keyset *, const char *algs[KEY__MAX]);
/* The key with this kid, or NULL. */
const struct key *keyset_find(const struct keyset *, const char *kid);
size_t		 keyset_count(const struct keyset *);
/*
 * Key i (0 is P, then the active companions, then the retired keys);
 * retired-at time through *retired (0 = an active key).
 */
const struct key *keyset_get(const struct keyset *, size_t i,
		    time_t *retired);

/*
 * {"keys":[jwk, …]} of every key once, each with its alg (RFC 7517 §5);
 * caller frees.
 */
char		*keyset_jwks(const struct keyset *);

/*
 * Make a new key of the type at P, keeping the old one as P.<now>:
 * generate into a temp file, hard-link P to P.<now>, rename the temp
 * file over P (so P is never missing).  Returns 0, or -1 with a message.
 */
int		 keyset_rotate(const char *path, enum key_type, char *err,
		    size_t errlen);

/*
 * Rotate the active key of the type: P when it is P's type (as
 * keyset_rotate), else the companion P.<type>, the old one kept as
 * P.<type>.<now>; the other types' keys are untouched.  A missing
 * companion is an error (keyset_add makes one).  0, or -1 with a message.
 */
int		 keyset_rotate_alg(const char *path, enum key_type, char *err,
		    size_t errlen);

/*
 * Make the companion P.<type> of a type that has none, with P's group
 * and mode.  An error when P is of that type or the companion exists.
 * 0, or -1 with a message.
 */
int		 keyset_add(const char *path, enum key_type, char *err,
		    size_t errlen);

/*
 * After P was made or rotated (maybe to another type): retire a
 * companion of P's own type as P.<type>.<now> (*retired = 1), and make
 * P.rs256 when P is not RS256 and it is missing (*made_rs256 = 1).  0, or
 * -1 with a message.
 */
int		 keyset_settle(const char *path, int *retired, int *made_rs256,
		    char *err, size_t errlen);

/*
 * Remove the retired keys P.<t> and P.<type>.<t> with t < before (the
 * caller passes now minus the longest token lifetime).  *removed counts
 * them.  When it removed any, P's mtime is renewed (its contents
 * untouched) so that running programs' keyset_refresh() drops them too.
 * 0, or -1 with a message.
 */
int		 keyset_purge(const char *path, time_t before, int *removed,
		    char *err, size_t errlen);

#endif
