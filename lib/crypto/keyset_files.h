/*
 * The files of a keyset, beside its signing key P (see keyset.h): the
 * companions P.es256, P.rs256, P.eddsa (the active key of a type other
 * than P's) and the retired keys P.<t> and P.<name>.<t>, t the unix time
 * of their retirement.  Names only: keyset.c loads the files,
 * keyset_rotate.c changes them.
 */
#ifndef CPASSPORT_KEYSET_FILES_H
#define CPASSPORT_KEYSET_FILES_H

#include <stddef.h>
#include <time.h>

#include "crypto/keys.h"

struct keyset_retired {
	time_t	 t;		/* retired at */
	char	*path;
};

/* The directory of path (caller frees) and, in *base, its last component. */
char	*keyset_files_dir(const char *path, const char **base);

/* P.<name of type>, e.g. P.rs256 (caller frees); NULL for no type. */
char	*keyset_files_companion(const char *path, enum key_type);

/*
 * The retired keys beside P, of every type (P.<t> and P.<name>.<t>),
 * newest first, in a fresh *out[0..*n).  0, or -1 with a message (then
 * *out is NULL).  Free with keyset_files_free().
 */
int	 keyset_files_scan(const char *path, struct keyset_retired **out,
	    size_t *n, char *err, size_t errlen);
void	 keyset_files_free(struct keyset_retired *, size_t n);

#endif
