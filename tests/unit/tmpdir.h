/*
 * The unit tests' scratch directory: tmpdir_make("t_name") makes
 * t_name.XXXXXX under $TMPDIR or /tmp (mkdtemp), tmpdir_remove() removes
 * it with all it holds.  Header-only, like tap.h.
 */
#ifndef CPASSPORT_TMPDIR_H
#define CPASSPORT_TMPDIR_H

#include <sys/stat.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"

/* The new directory (free() it), or NULL with the reason on stderr. */
static char *
tmpdir_make(const char *name)
{
	const char	*tmp;
	char		*dir;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	dir = xasprintf("%s/%s.XXXXXX", tmp, name);
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		free(dir);
		return NULL;
	}
	return dir;
}

static int
tmpdir_rm(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static void
tmpdir_remove(const char *dir)
{
	nftw(dir, tmpdir_rm, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
