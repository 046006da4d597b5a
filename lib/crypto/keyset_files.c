/*
 * Names of a keyset's files: see keyset_files.h.  A retired key's name
 * is P, ".", an optional type name and ".", then 1 to 20 digits; nothing
 * else beside P (a temp file P.new-XXXXXX, a backup) is taken for one.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/errmsg.h"
#include "base/xalloc.h"
#include "crypto/keys.h"
#include "crypto/keyset_files.h"

#define RETIRED_DIGITS	20	/* at most */
#define TIME_T_MAX	((time_t)(((uintmax_t)1 << \
			    (sizeof(time_t) * 8 - 1)) - 1))

char *
keyset_files_dir(const char *path, const char **base)
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

char *
keyset_files_companion(const char *path, enum key_type type)
{
	const char	*name;

	if (path == NULL || (name = key_type_name(type)) == NULL)
		return NULL;
	return xasprintf("%s.%s", path, name);
}

/* 1 when p is 1 to 20 digits and nothing else, with *t their value. */
static int
digits_time(const char *p, time_t *t)
{
	time_t	 v = 0;
	size_t	 i;
	int	 d;

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

/* 1 when name is base "." [type name "."] digits, with *t their value. */
static int
retired_time(const char *name, const char *base, size_t blen, time_t *t)
{
	const char	*p, *tn;
	size_t		 len;
	int		 i;

	if (strncmp(name, base, blen) != 0 || name[blen] != '.')
		return 0;
	p = name + blen + 1;
	for (i = 0; i < KEY__MAX; i++) {
		tn = key_type_name(i);
		len = strlen(tn);
		if (strncmp(p, tn, len) == 0 && p[len] == '.') {
			p += len + 1;
			break;
		}
	}
	return digits_time(p, t);
}

static int
newest_first(const void *a, const void *b)
{
	const struct keyset_retired	*x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? 1 : -1;
	return strcmp(x->path, y->path);
}

void
keyset_files_free(struct keyset_retired *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(r[i].path);
	free(r);
}

int
keyset_files_scan(const char *path, struct keyset_retired **out, size_t *n,
    char *err, size_t errlen)
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
	dir = keyset_files_dir(path, &base);
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
	if (rc == -1) {
		keyset_files_free(*out, *n);
		*out = NULL;
		*n = 0;
	} else if (*n > 0)
		qsort(*out, *n, sizeof(**out), newest_first);
 fail:
	free(dir);
	return rc;
}
