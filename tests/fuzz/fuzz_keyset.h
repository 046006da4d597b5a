/*
 * The keyset of the signing targets (fuzz_jwt, fuzz_id_token_hint): one
 * key of each type, ES256 P with retired RS256 P.1 and EdDSA P.2, made
 * in a mkdtemp directory under $TMPDIR or /tmp (name.XXXXXX) and removed
 * once loaded.  Aborts on any failure.  Header-only: each target
 * includes it once.
 */
#ifndef CPASSPORT_FUZZ_KEYSET_H
#define CPASSPORT_FUZZ_KEYSET_H

#include <stdlib.h>
#include <unistd.h>

#include "base/xalloc.h"
#include "crypto/keys.h"
#include "crypto/keyset.h"

static struct keyset *
fuzz_keyset(const char *name)
{
	static const char	*sfx[KEY__MAX] = { "", ".1", ".2" };
	struct keyset		*ks;
	const char		*tmp;
	char			 err[256], *dir, *path, *p;
	int			 t;

	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	dir = xasprintf("%s/%s.XXXXXX", tmp, name);
	if (mkdtemp(dir) == NULL)
		abort();
	path = xasprintf("%s/key.pem", dir);
	for (t = 0; t < KEY__MAX; t++) {
		p = xasprintf("%s%s", path, sfx[t]);
		if (key_generate(t, p, 0, err, sizeof(err)) == -1)
			abort();
		free(p);
	}
	if ((ks = keyset_load(path, err, sizeof(err))) == NULL ||
	    keyset_count(ks) != KEY__MAX)
		abort();
	for (t = 0; t < KEY__MAX; t++) {
		p = xasprintf("%s%s", path, sfx[t]);
		unlink(p);
		free(p);
	}
	rmdir(dir);
	free(path);
	free(dir);
	return ks;
}

#endif
