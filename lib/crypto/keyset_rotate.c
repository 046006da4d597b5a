/*
 * The changes of a keyset's files (see keyset.h): rotating P or a
 * companion, adding a companion, settling the companions after P was
 * made, purging retired keys.  Every change of a companion renews P's
 * mtime, so that running programs, which stat(2) P alone, reload.
 * Changes take turns on a lock of the directory; a temp file is never
 * named like a retired key, so a stray one is never loaded.
 *
 * Messages name files and reasons, never key material.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/errmsg.h"
#include "base/xalloc.h"
#include "crypto/keys.h"
#include "crypto/keyset.h"
#include "crypto/keyset_files.h"

#define LINK_TRIES	64	/* F.<now>, F.<now+1> … for fast rotations */

/* P's directory, opened and locked: its descriptor, or -1. */
static int
lock_dir(const char *path, char *err, size_t errlen)
{
	const char	*base;
	char		*dir;
	int		 dfd;

	dir = keyset_files_dir(path, &base);
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    flock(dfd, LOCK_EX) == -1) {
		errmsg(err, errlen, "%s: %s", dir, strerror(errno));
		if (dfd != -1)
			close(dfd);
		dfd = -1;
	}
	free(dir);
	return dfd;
}

/* The type of the key in P, or -1 with a message. */
static int
p_type(const char *path, char *err, size_t errlen)
{
	struct key	*k;
	int		 t;

	if ((k = key_load(path, err, errlen)) == NULL)
		return -1;
	t = key_get_type(k);
	key_free(k);
	return t;
}

/*
 * A new key of the type in a temp file beside file, with the group of
 * like and its mode within 0640 (the programs often run as another user
 * than the operator: the web server's).  Its name, or NULL.
 */
static char *
new_key_file(const char *file, enum key_type type, const struct stat *like,
    char *err, size_t errlen)
{
	char	*tmp;
	int	 fd;

	tmp = xasprintf("%s.new-XXXXXX", file);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		errmsg(err, errlen, "%s: %s", tmp, strerror(errno));
		free(tmp);
		return NULL;
	}
	close(fd);
	/* With force, key_generate writes a 0600 file and renames it. */
	if (key_generate(type, tmp, 1, err, errlen) == -1)
		goto fail;
	if (chown(tmp, (uid_t)-1, like->st_gid) == -1 ||
	    chmod(tmp, like->st_mode & 0640) == -1) {
		errmsg(err, errlen, "%s: %s", tmp, strerror(errno));
		goto fail;
	}
	return tmp;
 fail:
	unlink(tmp);
	free(tmp);
	return NULL;
}

/* Hard-link file to the first free file.<now+i>; its name, or NULL. */
static char *
link_retired(const char *file, char *err, size_t errlen)
{
	char	*old;
	time_t	 now = time(NULL);
	int	 i;

	for (i = 0; i < LINK_TRIES; i++) {
		old = xasprintf("%s.%lld", file, (long long)now + i);
		if (link(file, old) == 0)
			return old;
		free(old);
		if (errno != EEXIST) {
			errmsg(err, errlen, "cannot keep %s as %s.%lld: %s",
			    file, file, (long long)now + i, strerror(errno));
			return NULL;
		}
	}
	errmsg(err, errlen, "%s: %d retired keys named after the next "
	    "seconds already", file, LINK_TRIES);
	return NULL;
}

/*
 * Under the lock: a new key of the type in file (which exists, its
 * stat in *sb), the old one kept as file.<now>.  0, or -1.
 */
static int
replace(const char *file, enum key_type type, const struct stat *sb,
    char *err, size_t errlen)
{
	char	*tmp, *old;
	int	 rc = -1;

	if ((tmp = new_key_file(file, type, sb, err, errlen)) == NULL)
		return -1;
	if ((old = link_retired(file, err, errlen)) == NULL)
		goto fail;
	if (rename(tmp, file) == -1) {
		errmsg(err, errlen, "rename %s to %s: %s", tmp, file,
		    strerror(errno));
		unlink(old);
		goto fail;
	}
	rc = 0;
 fail:
	if (rc == -1)
		unlink(tmp);
	free(tmp);
	free(old);
	return rc;
}

/*
 * Give P a new mtime, so that keyset_refresh in running programs reloads
 * and picks up the change beside it; P's content stays.  The kernel
 * stamps files with a coarse clock, so set a time later than P's own
 * even within one tick; that takes P's owner, otherwise settle for the
 * kernel's now.
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

static int
touch_p(const char *path, char *err, size_t errlen)
{
	if (touch(path) == 0)
		return 0;
	errmsg(err, errlen, "%s: cannot update its time, so running programs "
	    "see the change only when it changes: %s", path, strerror(errno));
	return -1;
}

int
keyset_rotate(const char *path, enum key_type type, char *err,
    size_t errlen)
{
	struct stat	 sb;
	int		 dfd, rc = -1;

	if (path == NULL || key_alg(type) == NULL) {
		errmsg(err, errlen, "invalid key type or path");
		return -1;
	}
	if ((dfd = lock_dir(path, err, errlen)) == -1)
		return -1;
	if (stat(path, &sb) == -1) {
		if (errno == ENOENT)
			errmsg(err, errlen, "%s: no current key; run "
			    "`cpassport keys` first", path);
		else
			errmsg(err, errlen, "%s: %s", path, strerror(errno));
	} else if ((rc = replace(path, type, &sb, err, errlen)) == 0)
		(void)fsync(dfd);	/* best effort: the rename matters */
	close(dfd);	/* and unlocks */
	return rc;
}

/*
 * Under the lock: a new companion of the type, P.<name>, when there is
 * none (then *made is 1), with P's group and mode.  0, or -1.
 */
static int
add_locked(const char *path, enum key_type type, int *made, char *err,
    size_t errlen)
{
	struct stat	 sb;
	char		*cp, *tmp = NULL;
	int		 rc = -1;

	*made = 0;
	cp = keyset_files_companion(path, type);
	if (stat(path, &sb) == -1) {
		errmsg(err, errlen, "%s: %s", path, strerror(errno));
		goto done;
	}
	if (access(cp, F_OK) == 0) {
		rc = 0;
		goto done;
	}
	if ((tmp = new_key_file(cp, type, &sb, err, errlen)) == NULL)
		goto done;
	/* link(2) makes cp only if it is missing, and whole. */
	if (link(tmp, cp) == 0)
		*made = 1;
	if (*made || errno == EEXIST)
		rc = 0;
	else
		errmsg(err, errlen, "%s: %s", cp, strerror(errno));
	unlink(tmp);
 done:
	free(tmp);
	free(cp);
	return rc;
}

int
keyset_add(const char *path, enum key_type type, char *err, size_t errlen)
{
	int	 dfd, pt, made = 0, rc = -1;

	if (path == NULL || key_alg(type) == NULL) {
		errmsg(err, errlen, "invalid key type or path");
		return -1;
	}
	if ((dfd = lock_dir(path, err, errlen)) == -1)
		return -1;
	if ((pt = p_type(path, err, errlen)) == -1)
		goto done;
	if ((enum key_type)pt == type) {
		errmsg(err, errlen, "%s: the signing key is %s already",
		    path, key_alg(type));
		goto done;
	}
	if (add_locked(path, type, &made, err, errlen) == -1)
		goto done;
	if (!made)
		errmsg(err, errlen, "%s.%s: exists already; rotate it with "
		    "`cpassport keys --rotate --alg %s`", path,
		    key_type_name(type), key_type_name(type));
	else
		rc = touch_p(path, err, errlen);
 done:
	close(dfd);
	return rc;
}

int
keyset_rotate_alg(const char *path, enum key_type type, char *err,
    size_t errlen)
{
	struct stat	 sb;
	char		*cp = NULL;
	int		 dfd, pt, rc = -1;

	if (path == NULL || key_alg(type) == NULL) {
		errmsg(err, errlen, "invalid key type or path");
		return -1;
	}
	/* P is the active key of its own type. */
	if ((pt = p_type(path, err, errlen)) == -1)
		return -1;
	if ((enum key_type)pt == type)
		return keyset_rotate(path, type, err, errlen);
	if ((dfd = lock_dir(path, err, errlen)) == -1)
		return -1;
	cp = keyset_files_companion(path, type);
	if (stat(cp, &sb) == -1) {
		if (errno == ENOENT)
			errmsg(err, errlen, "%s: no %s key to rotate; make "
			    "one with `cpassport keys --add %s`", cp,
			    key_alg(type), key_type_name(type));
		else
			errmsg(err, errlen, "%s: %s", cp, strerror(errno));
	} else if (replace(cp, type, &sb, err, errlen) == 0)
		rc = touch_p(path, err, errlen);
	close(dfd);
	free(cp);
	return rc;
}

/*
 * Under the lock: retire the companion of P's own type, if any (P is that
 * type's active key); *retired is 1 when it did.  0, or -1.
 */
static int
retire_own(const char *path, enum key_type pt, int *retired, char *err,
    size_t errlen)
{
	char	*cp, *old = NULL;
	int	 rc = -1;

	*retired = 0;
	cp = keyset_files_companion(path, pt);
	if (access(cp, F_OK) == -1 && errno == ENOENT)
		rc = 0;
	else if ((old = link_retired(cp, err, errlen)) != NULL) {
		if (unlink(cp) == 0 || errno == ENOENT) {
			*retired = 1;
			rc = 0;
		} else
			errmsg(err, errlen, "%s: %s", cp, strerror(errno));
	}
	free(old);
	free(cp);
	return rc;
}

int
keyset_settle(const char *path, int *retired, int *made_rs256, char *err,
    size_t errlen)
{
	int	 dfd, pt, rc = -1;

	*retired = *made_rs256 = 0;
	if (path == NULL) {
		errmsg(err, errlen, "no key path");
		return -1;
	}
	if ((dfd = lock_dir(path, err, errlen)) == -1)
		return -1;
	if ((pt = p_type(path, err, errlen)) == -1 ||
	    retire_own(path, pt, retired, err, errlen) == -1)
		goto done;
	/* OpenID Connect Core §15.1: RS256 is always available. */
	if (pt != KEY_RS256 &&
	    add_locked(path, KEY_RS256, made_rs256, err, errlen) == -1)
		goto done;
	rc = 0;
	if (*retired || *made_rs256)
		rc = touch_p(path, err, errlen);
 done:
	close(dfd);
	return rc;
}

int
keyset_purge(const char *path, time_t before, int *removed, char *err,
    size_t errlen)
{
	struct keyset_retired	*r;
	size_t			 n, i;
	int			 count = 0, rc = 0;

	if (removed != NULL)
		*removed = 0;
	if (path == NULL || *path == '\0') {
		errmsg(err, errlen, "no key path");
		return -1;
	}
	if (keyset_files_scan(path, &r, &n, err, errlen) == -1)
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
	keyset_files_free(r, n);
	if (removed != NULL)
		*removed = count;
	return rc;
}
