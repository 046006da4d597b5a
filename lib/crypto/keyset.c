/*
 * The signing key P, the active keys of the other types beside it
 * (P.es256, P.rs256, P.eddsa) and the keys they replaced (P.<t>,
 * P.<type>.<t>), loaded into memory; see keyset.h.  Tokens name their
 * key by kid (RFC 7515 §4.1.4), so a retired key verifies what it signed
 * until it is purged, and the JWKS (RFC 7517 §5) publishes every key of
 * the set once.  The files' names are keyset_files.c's; their changes
 * keyset_rotate.c's.
 *
 * Messages name files and reasons, never key material.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "base/log.h"
#include "base/errmsg.h"
#include "base/xalloc.h"
#include "crypto/keys.h"
#include "crypto/keyset.h"
#include "crypto/keyset_files.h"

/* What keyset_refresh compares to see that P changed. */
struct fileid {
	dev_t		dev;
	ino_t		ino;
	off_t		size;
	struct timespec	mtim;
};

struct keyset {
	/* [0] is P, then the active companions, then the retired keys. */
	struct key	*keys[KEYSET_MAX];
	time_t		 retired[KEYSET_MAX];	/* 0: an active key */
	const struct key *active[KEY__MAX];	/* of each type, or NULL */
	size_t		 n;
	struct fileid	 id;		/* of P, taken before loading it */
	struct fileid	 failed;	/* of P, when a reload failed */
	int		 has_failed;
	int		 stat_warned;
};

static void
fileid_of(const struct stat *sb, struct fileid *id)
{
	id->dev = sb->st_dev;
	id->ino = sb->st_ino;
	id->size = sb->st_size;
	id->mtim = sb->st_mtim;
}

static int
same_file(const struct fileid *a, const struct fileid *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	    a->mtim.tv_sec == b->mtim.tv_sec &&
	    a->mtim.tv_nsec == b->mtim.tv_nsec;
}

/*
 * Add k (retired at t, 0 for an active key) unless the set has its kid
 * already: rotation hard-links the active file to its retired name just
 * before replacing it.  Returns the key kept, or NULL when k was freed.
 */
static const struct key *
add_key(struct keyset *ks, struct key *k, time_t t)
{
	if (keyset_find(ks, key_kid(k)) != NULL) {
		key_free(k);
		return NULL;
	}
	ks->keys[ks->n] = k;
	ks->retired[ks->n++] = t;
	return k;
}

/*
 * The companion P.<name> of a type, if there is one.  Of P's own type, P
 * is the active key: such a file (left by an operator) is loaded only to
 * verify, as if retired when it was last changed.
 */
static void
add_companion(struct keyset *ks, const char *path, enum key_type type)
{
	struct stat	 sb;
	struct key	*k;
	char		 err[256], *cp;

	cp = keyset_files_companion(path, type);
	if (stat(cp, &sb) == -1) {
		if (errno != ENOENT)
			log_warnx("%s: %s; no %s key", cp, strerror(errno),
			    key_alg(type));
		goto done;
	}
	if ((k = key_load(cp, err, sizeof(err))) == NULL) {
		log_warnx("%s key skipped: %s", key_alg(type), err);
		goto done;
	}
	if (key_get_type(k) != type) {
		log_warnx("%s: not an %s key; skipped", cp, key_alg(type));
		key_free(k);
	} else if (ks->active[type] != NULL) {
		log_warnx("%s: %s is the signing key's type; only verifying "
		    "with it", cp, key_alg(type));
		add_key(ks, k, sb.st_mtim.tv_sec > 0 ? sb.st_mtim.tv_sec : 1);
	} else
		ks->active[type] = add_key(ks, k, 0);
 done:
	free(cp);
}

/* The retired keys, newest first, while there is room. */
static void
add_retired(struct keyset *ks, const char *path)
{
	struct keyset_retired	*r;
	struct key		*k;
	char			 err[256];
	size_t			 nr, i;

	if (keyset_files_scan(path, &r, &nr, err, sizeof(err)) == -1) {
		log_warnx("retired keys not loaded: %s", err);
		return;
	}
	for (i = 0; i < nr && ks->n < KEYSET_MAX; i++) {
		if ((k = key_load(r[i].path, err, sizeof(err))) == NULL)
			log_warnx("retired key skipped: %s", err);
		else
			add_key(ks, k, r[i].t);
	}
	if (i < nr)
		log_warnx("%s: %zu older retired keys ignored beyond %d keys; "
		    "purge them", path, nr - i, KEYSET_MAX);
	keyset_files_free(r, nr);
}

struct keyset *
keyset_load(const char *path, char *err, size_t errlen)
{
	struct keyset	*ks;
	struct stat	 sb;
	int		 t;

	if (path == NULL || *path == '\0') {
		errmsg(err, errlen, "no key path");
		return NULL;
	}
	/* Before reading P: a change racing the load shows next time. */
	if (stat(path, &sb) == -1) {
		errmsg(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	ks = xcalloc(1, sizeof(*ks));
	fileid_of(&sb, &ks->id);
	if ((ks->keys[0] = key_load(path, err, errlen)) == NULL) {
		free(ks);
		return NULL;
	}
	ks->n = 1;
	ks->active[key_get_type(ks->keys[0])] = ks->keys[0];
	for (t = 0; t < KEY__MAX; t++)
		add_companion(ks, path, t);
	/* OpenID Connect Core §15.1: a provider can always sign RS256. */
	if (ks->active[KEY_RS256] == NULL)
		log_warnx("%s: no RS256 key beside it; make one with "
		    "`cpassport keys --add rs256`", path);
	add_retired(ks, path);
	return ks;
}

void
keyset_free(struct keyset *ks)
{
	size_t	i;

	if (ks == NULL)
		return;
	for (i = 0; i < ks->n; i++)
		key_free(ks->keys[i]);
	free(ks);
}

/*
 * One stat(2).  A failed reload is logged once and not retried until P
 * changes again; a missing P is logged once until it is back.
 */
int
keyset_refresh(struct keyset **ksp, const char *path)
{
	struct keyset	*ks, *nks;
	struct stat	 sb;
	struct fileid	 id;
	char		 err[256];

	if (ksp == NULL || (ks = *ksp) == NULL || path == NULL)
		return 0;
	if (stat(path, &sb) == -1) {
		if (!ks->stat_warned)
			log_warnx("%s: %s; keeping the keys loaded", path,
			    strerror(errno));
		ks->stat_warned = 1;
		return 0;
	}
	ks->stat_warned = 0;
	fileid_of(&sb, &id);
	if (same_file(&id, &ks->id) ||
	    (ks->has_failed && same_file(&id, &ks->failed)))
		return 0;
	if ((nks = keyset_load(path, err, sizeof(err))) == NULL) {
		log_warnx("%s; keeping the keys loaded", err);
		ks->failed = id;
		ks->has_failed = 1;
		return 0;
	}
	keyset_free(ks);
	*ksp = nks;
	return 1;
}

const struct key *
keyset_current(const struct keyset *ks)
{
	return ks != NULL ? ks->keys[0] : NULL;
}

const struct key *
keyset_for(const struct keyset *ks, enum key_type type)
{
	if (ks == NULL || (unsigned)type >= KEY__MAX)
		return NULL;
	return ks->active[type];
}

size_t
keyset_algs(const struct keyset *ks, const char *algs[KEY__MAX])
{
	size_t	n = 0;
	int	t;

	for (t = 0; t < KEY__MAX; t++)
		if (keyset_for(ks, t) != NULL)
			algs[n++] = key_alg(t);
	return n;
}

const struct key *
keyset_find(const struct keyset *ks, const char *kid)
{
	size_t	i;

	if (ks == NULL || kid == NULL)
		return NULL;
	/* kids are public: no need for a constant-time comparison. */
	for (i = 0; i < ks->n; i++)
		if (strcmp(key_kid(ks->keys[i]), kid) == 0)
			return ks->keys[i];
	return NULL;
}

size_t
keyset_count(const struct keyset *ks)
{
	return ks != NULL ? ks->n : 0;
}

const struct key *
keyset_get(const struct keyset *ks, size_t i, time_t *retired)
{
	if (ks == NULL || i >= ks->n)
		return NULL;
	if (retired != NULL)
		*retired = ks->retired[i];
	return ks->keys[i];
}

char *
keyset_jwks(const struct keyset *ks)
{
	struct json_object	*o, *a, *jwk;
	const char		*s;
	char			*out = NULL;
	size_t			 i;

	if (ks == NULL || (o = json_object_new_object()) == NULL)
		return NULL;
	if ((a = json_object_new_array()) == NULL ||
	    json_object_object_add(o, "keys", a) != 0) {
		json_object_put(a);
		goto fail;
	}
	for (i = 0; i < ks->n; i++) {
		if ((jwk = json_tokener_parse(key_public_jwk(ks->keys[i]))) ==
		    NULL)
			goto fail;
		if (json_object_array_add(a, jwk) != 0) {
			json_object_put(jwk);
			goto fail;
		}
	}
	if ((s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE)) != NULL)
		out = xstrdup(s);
 fail:
	json_object_put(o);
	return out;
}
