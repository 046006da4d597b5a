/*
 * The signing key P and the keys it replaced, P.<unix-time-retired>, in
 * one directory; see keyset.h.  Tokens name their key by kid (RFC 7515
 * §4.1.4), so a retired key verifies what it signed until it is purged,
 * and the JWKS (RFC 7517 §5) publishes every key of the set.
 *
 * Messages name files and reasons, never key material.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "base/log.h"
#include "base/errmsg.h"
#include "base/xalloc.h"
#include "crypto/keys.h"
#include "crypto/keyset.h"

#define RETIRED_DIGITS	20	/* at most, after "P." */
#define LINK_TRIES	64	/* P.<now>, P.<now+1> … for fast rotations */
#define TIME_T_MAX	((time_t)(((uintmax_t)1 << \
			    (sizeof(time_t) * 8 - 1)) - 1))

/* What keyset_refresh compares to see that P changed. */
struct fileid {
	dev_t		dev;
	ino_t		ino;
	off_t		size;
	struct timespec	mtim;
};

struct keyset {
	struct key	*keys[KEYSET_MAX];	/* [0] is the current key */
	time_t		 retired[KEYSET_MAX];	/* [0] is 0 */
	size_t		 n;
	struct fileid	 id;		/* of P, taken before loading it */
	struct fileid	 failed;	/* of P, when a reload failed */
	int		 has_failed;
	int		 stat_warned;
};

struct retired {
	time_t	 t;
	char	*path;
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

/* The directory of path (caller frees) and its last component. */
static char *
split(const char *path, const char **base)
{
	const char	*slash;

	if ((slash = strrchr(path, '/')) == NULL) {
		*base = path;
		return xstrdup(".");
	}
	*base = slash + 1;
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* 1 when name is base "." and 1 to 20 digits, with *t their value. */
static int
retired_time(const char *name, const char *base, size_t blen, time_t *t)
{
	const char	*p;
	time_t		 v = 0;
	size_t		 i;
	int		 d;

	if (strncmp(name, base, blen) != 0 || name[blen] != '.')
		return 0;
	p = name + blen + 1;
	for (i = 0; p[i] >= '0' && p[i] <= '9'; i++) {
		d = p[i] - '0';
		if (v > (TIME_T_MAX - d) / 10)
			return 0;
		v = v * 10 + d;
	}
	if (i == 0 || i > RETIRED_DIGITS || p[i] != '\0')
		return 0;
	*t = v;
	return 1;
}

static int
newest_first(const void *a, const void *b)
{
	const struct retired	*x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? 1 : -1;
	return strcmp(x->path, y->path);
}

static void
free_retired(struct retired *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(r[i].path);
	free(r);
}

/* The P.<t> beside P, newest first, in *out[0..*n).  0, or -1. */
static int
scan(const char *path, struct retired **out, size_t *n, char *err,
    size_t errlen)
{
	DIR		*d;
	struct dirent	*de;
	const char	*base;
	char		*dir;
	size_t		 blen, cap = 0;
	time_t		 t;
	int		 rc = -1;

	*out = NULL;
	*n = 0;
	dir = split(path, &base);
	blen = strlen(base);
	if ((d = opendir(dir)) == NULL) {
		errmsg(err, errlen, "%s: %s", dir, strerror(errno));
		goto fail;
	}
	while ((errno = 0, de = readdir(d)) != NULL) {
		if (!retired_time(de->d_name, base, blen, &t))
			continue;
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		(*out)[*n].t = t;
		(*out)[(*n)++].path = xasprintf("%s%s", path,
		    de->d_name + blen);
	}
	if (errno != 0)
		errmsg(err, errlen, "%s: %s", dir, strerror(errno));
	else
		rc = 0;
	closedir(d);
	if (*n > 0)
		qsort(*out, *n, sizeof(**out), newest_first);
 fail:
	free(dir);
	return rc;
}

/* Add the retired key r to ks unless broken or there already. */
static void
add_retired(struct keyset *ks, const struct retired *r)
{
	struct key	*k;
	char		 err[256];

	if ((k = key_load(r->path, err, sizeof(err))) == NULL) {
		log_warnx("retired key skipped: %s", err);
		return;
	}
	/* keyset_rotate links P to P.<t> just before replacing P. */
	if (keyset_find(ks, key_kid(k)) != NULL) {
		key_free(k);
		return;
	}
	ks->keys[ks->n] = k;
	ks->retired[ks->n++] = r->t;
}

struct keyset *
keyset_load(const char *path, char *err, size_t errlen)
{
	struct keyset	*ks;
	struct retired	*r;
	struct stat	 sb;
	char		 e[256];
	size_t		 nr, i;

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
	if (scan(path, &r, &nr, e, sizeof(e)) == -1)
		log_warnx("retired keys not loaded: %s", e);
	for (i = 0; i < nr && ks->n < KEYSET_MAX; i++)
		add_retired(ks, &r[i]);
	if (i < nr)
		log_warnx("%s: %zu older retired keys ignored beyond %d keys; "
		    "purge them", path, nr - i, KEYSET_MAX);
	free_retired(r, nr);
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

/* Hard-link P to the first free P.<now+i>; its name, or NULL. */
static char *
link_retired(const char *path, char *err, size_t errlen)
{
	char	*old;
	time_t	 now = time(NULL);
	int	 i;

	for (i = 0; i < LINK_TRIES; i++) {
		old = xasprintf("%s.%lld", path, (long long)now + i);
		if (link(path, old) == 0)
			return old;
		free(old);
		if (errno != EEXIST) {
			errmsg(err, errlen, "cannot keep %s as %s.%lld: %s",
			    path, path, (long long)now + i, strerror(errno));
			return NULL;
		}
	}
	errmsg(err, errlen, "%s: %d retired keys named after the next "
	    "seconds already", path, LINK_TRIES);
	return NULL;
}

/*
 * Concurrent rotations take turns on a lock of the directory.  The temp
 * file is never named P.<digits>, so a stray one is no retired key.
 */
int
keyset_rotate(const char *path, enum key_type type, char *err,
    size_t errlen)
{
	struct stat	 sb;
	const char	*base;
	char		*dir, *tmp = NULL, *old = NULL;
	int		 dfd = -1, fd = -1, rc = -1;

	if (path == NULL || key_alg(type) == NULL) {
		errmsg(err, errlen, "invalid key type or path");
		return -1;
	}
	dir = split(path, &base);
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    flock(dfd, LOCK_EX) == -1) {
		errmsg(err, errlen, "%s: %s", dir, strerror(errno));
		goto fail;
	}
	if (stat(path, &sb) == -1) {
		if (errno == ENOENT)
			errmsg(err, errlen, "%s: no current key; run "
			    "`cpassport keys` first", path);
		else
			errmsg(err, errlen, "%s: %s", path, strerror(errno));
		goto fail;
	}
	tmp = xasprintf("%s.new-XXXXXX", path);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		errmsg(err, errlen, "%s: %s", tmp, strerror(errno));
		goto fail;
	}
	close(fd);
	/* With force, key_generate writes a 0600 file and renames it. */
	if (key_generate(type, tmp, 1, err, errlen) == -1)
		goto fail;
	/*
	 * The programs often run as another user than the operator (the web
	 * server's): keep the old key's group and its group-read bit, never
	 * more than 0640.
	 */
	if (chown(tmp, (uid_t)-1, sb.st_gid) == -1 ||
	    chmod(tmp, sb.st_mode & 0640) == -1) {
		errmsg(err, errlen, "%s: %s", tmp, strerror(errno));
		goto fail;
	}
	if ((old = link_retired(path, err, errlen)) == NULL)
		goto fail;
	if (rename(tmp, path) == -1) {
		errmsg(err, errlen, "rename %s to %s: %s", tmp, path,
		    strerror(errno));
		unlink(old);
		goto fail;
	}
	(void)fsync(dfd);	/* best effort: the rename is what matters */
	rc = 0;
 fail:
	if (rc == -1 && fd != -1)	/* tmp was made */
		unlink(tmp);
	if (dfd != -1)
		close(dfd);	/* and unlocks */
	free(dir);
	free(tmp);
	free(old);
	return rc;
}

/*
 * Give P a new mtime, so that keyset_refresh in running programs reloads
 * and drops the keys just purged; P's content stays.  The kernel stamps
 * files with a coarse clock, so set a time later than P's own even within
 * one tick; that takes P's owner, otherwise settle for the kernel's now.
 */
static int
touch(const char *path)
{
	struct stat	 sb;
	struct timespec	 ts[2];

	if (stat(path, &sb) == -1)
		return errno == ENOENT ? 0 : -1;
	ts[0].tv_nsec = UTIME_OMIT;
	clock_gettime(CLOCK_REALTIME, &ts[1]);
	if (ts[1].tv_sec < sb.st_mtim.tv_sec || (ts[1].tv_sec ==
	    sb.st_mtim.tv_sec && ts[1].tv_nsec <= sb.st_mtim.tv_nsec)) {
		ts[1] = sb.st_mtim;
		if (++ts[1].tv_nsec == 1000000000L) {
			ts[1].tv_sec++;
			ts[1].tv_nsec = 0;
		}
	}
	if (utimensat(AT_FDCWD, path, ts, 0) == 0)
		return 0;
	if (errno != EPERM)
		return errno == ENOENT ? 0 : -1;
	return utimensat(AT_FDCWD, path, NULL, 0);
}

int
keyset_purge(const char *path, time_t before, int *removed, char *err,
    size_t errlen)
{
	struct retired	*r;
	size_t		 n, i;
	int		 count = 0, rc = 0;

	if (removed != NULL)
		*removed = 0;
	if (path == NULL || *path == '\0') {
		errmsg(err, errlen, "no key path");
		return -1;
	}
	if (scan(path, &r, &n, err, errlen) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (r[i].t >= before)
			continue;
		if (unlink(r[i].path) == 0)
			count++;
		else if (errno != ENOENT && rc == 0) {
			errmsg(err, errlen, "%s: %s", r[i].path,
			    strerror(errno));
			rc = -1;
		}
	}
	if (count > 0 && touch(path) == -1 && rc == 0) {
		errmsg(err, errlen, "%s: cannot update its time, so running "
		    "programs keep the purged keys until it changes: %s", path,
		    strerror(errno));
		rc = -1;
	}
	free_retired(r, n);
	if (removed != NULL)
		*removed = count;
	return rc;
}
