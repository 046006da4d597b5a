/*
 * Unit tests for lib/crypto/keyset.c: load, rotate, refresh, JWKS and purge of
 * a signing key P and its retired keys P.<t>, in mkdtemp directories
 * under $TMPDIR or /tmp.  Tokens signed by a retired key verify until it
 * is purged.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "base/xalloc.h"
#include "crypto/jwt.h"
#include "crypto/keys.h"
#include "crypto/keyset.h"
#include "tap.h"
#include "tmpdir.h"

#define BASE	"signing.pem"
#define CLAIMS	"{\"sub\":\"1\"}"
#define TYP	"at+jwt"
#define NRET	8

static char	*tmpdir;

static void
write_file(const char *path, const char *text)
{
	FILE	*fp;

	if ((fp = fopen(path, "w")) == NULL) {
		perror(path);
		exit(2);
	}
	fputs(text, fp);
	fclose(fp);
	chmod(path, 0600);	/* as a key file is; key_load refuses 0644 */
}

static int
mode_is_0600(const char *path)
{
	struct stat	sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (sb.st_mode & 07777) == 0600;
}

/*
 * Entries of dir besides . and ..; the times of the BASE.<digits> ones
 * (at most NRET) in t[], and how many in *nt.
 */
static int
scan_dir(const char *dir, time_t *t, int *nt)
{
	DIR		*d;
	struct dirent	*de;
	const char	*p;
	char		*end;
	int		 n = 0;

	*nt = 0;
	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		n++;
		if (strncmp(de->d_name, BASE ".", sizeof(BASE)) != 0)
			continue;
		p = de->d_name + sizeof(BASE);
		if (strspn(p, "0123456789") != strlen(p) || *p == '\0' ||
		    *nt == NRET)
			continue;
		t[(*nt)++] = (time_t)strtoll(p, &end, 10);
	}
	closedir(d);
	return n;
}

static char *
mkdir_in(const char *name)
{
	char	*d;

	d = xasprintf("%s/%s", tmpdir, name);
	if (mkdir(d, 0700) == -1) {
		perror(d);
		exit(2);
	}
	return d;
}

static char *
kid_of(const char *path)
{
	struct key	*k;
	char		 err[256], *kid = NULL;
	int		 type = -1;

	if ((k = key_load(path, err, sizeof(err))) != NULL) {
		type = key_get_type(k);
		kid = xasprintf("%d:%s", type, key_kid(k));
	}
	key_free(k);
	return kid != NULL ? kid : xstrdup("none");
}

static void
check_missing(const char *dir, const char *path)
{
	time_t	 t[NRET];
	char	 err[256] = "";
	int	 nt;

	ok(keyset_load(path, err, sizeof(err)) == NULL && err[0] != '\0',
	    "load without P fails: %s", err);
	err[0] = '\0';
	ok(keyset_rotate(path, KEY_ES256, err, sizeof(err)) == -1 &&
	    strstr(err, "no current key") != NULL, "rotate without P: %s", err);
	ok(scan_dir(dir, t, &nt) == 0, "and leaves no file");
}

/* Every JWK of the set, with distinct kids that are the set's. */
static void
check_jwks(const struct keyset *ks)
{
	struct json_object	*o, *a = NULL, *jwk, *v;
	const char		*m[4] = { "kty", "kid", "alg", "use" };
	char			*s;
	size_t			 i, j, good = 0;

	s = keyset_jwks(ks);
	o = s != NULL ? json_tokener_parse(s) : NULL;
	ok(o != NULL && json_object_object_get_ex(o, "keys", &a) &&
	    json_object_is_type(a, json_type_array) &&
	    json_object_array_length(a) == 3, "jwks: {\"keys\":[3 keys]}");
	for (i = 0; a != NULL && i < json_object_array_length(a); i++) {
		jwk = json_object_array_get_idx(a, i);
		for (j = 0; j < 4; j++)
			if (!json_object_object_get_ex(jwk, m[j], &v) ||
			    !json_object_is_type(v, json_type_string))
				break;
		if (j < 4 || !json_object_object_get_ex(jwk, "kid", &v))
			continue;
		/* Key i of the set, so the kids are distinct too. */
		if (strcmp(json_object_get_string(v),
		    key_kid(keyset_get(ks, i, NULL))) == 0 &&
		    !json_object_object_get_ex(jwk, "d", NULL))
			good++;
	}
	ok(good == 3, "jwks: each key has kty/kid/alg/use, no d, the set's "
	    "distinct kids in order");
	ok(s != NULL && strstr(s, "\\/") == NULL && strchr(s, ' ') == NULL,
	    "jwks: plain, no escaped slashes");
	json_object_put(o);
	free(s);
}

static void
make_junk(const char *dir)
{
	static const char	*junk[] = { BASE ".abc", BASE ".123x",
	    BASE ".", BASE ".-5", BASE ".123456789012345678901",
	    BASE ".99999999999999999999", BASE "x.7", "x" BASE ".7" };
	char			 err[256], *p;
	size_t			 i;

	for (i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		p = xasprintf("%s/%s", dir, junk[i]);
		write_file(p, "junk\n");
		free(p);
	}
	/* A real key under another name, and a broken retired key. */
	p = xasprintf("%s/other.pem", dir);
	key_generate(KEY_EDDSA, p, 0, err, sizeof(err));
	free(p);
	p = xasprintf("%s/%s.5", dir, BASE);
	write_file(p, "-----BEGIN PRIVATE KEY-----\nnot a key\n"
	    "-----END PRIVATE KEY-----\n");
	free(p);
}

/* Rotate P to type; P.<t> is the retired key; 0 on failure. */
static time_t
rotate(const char *dir, const char *path, enum key_type type, int nfiles)
{
	time_t	 t[NRET], before, after, found = 0;
	char	 err[256] = "", *old;
	int	 nt, i, n;

	before = time(NULL);
	ok(keyset_rotate(path, type, err, sizeof(err)) == 0,
	    "rotate to %s %s", key_alg(type), err);
	after = time(NULL);
	n = scan_dir(dir, t, &nt);
	ok(n == nfiles + 1, "one file more: %d", n);
	for (i = 0; i < nt; i++)
		if (t[i] >= before && t[i] <= after + 2 && t[i] > found)
			found = t[i];
	old = xasprintf("%s.%lld", path, (long long)found);
	ok(found != 0 && mode_is_0600(old) && mode_is_0600(path),
	    "P.%lld kept, both mode 0600", (long long)found);
	free(old);
	return found;
}

/*
 * Every P.<now+i> a rotation could take exists: it fails after making
 * its temp file, which it must remove, leaving P as it was.
 */
static void
check_rotate_fails(void)
{
	time_t	 t[NRET], now = time(NULL);
	char	 err[256] = "", *dir, *path, *p, *before, *after;
	int	 i, nt, n;

	dir = mkdir_in("fail");
	path = xasprintf("%s/%s", dir, BASE);
	key_generate(KEY_EDDSA, path, 0, err, sizeof(err));
	for (i = 0; i < 66; i++) {
		p = xasprintf("%s.%lld", path, (long long)now + i);
		write_file(p, "");
		free(p);
	}
	before = kid_of(path);
	ok(keyset_rotate(path, KEY_ES256, err, sizeof(err)) == -1,
	    "rotation with no free name fails: %s", err);
	after = kid_of(path);
	n = scan_dir(dir, t, &nt);
	ok(strcmp(before, after) == 0 && n == 67,
	    "P untouched, no temp file left");
	err[0] = '\0';
	ok(keyset_rotate(path, KEY__MAX, err, sizeof(err)) == -1 &&
	    err[0] != '\0', "bad key type: %s", err);
	free(before);
	free(after);
	free(path);
	free(dir);
}

/* The rest of check_lifecycle: purge, then refresh drops the keys. */
static void
check_purge(struct keyset **ks, const char *dir, const char *path,
    const char *tok, int nfiles)
{
	time_t	 t[NRET];
	char	 err[256] = "", *moved;
	int	 nt, n, removed = -1;

	ok(keyset_purge(path, 0, &removed, err, sizeof(err)) == 0 &&
	    removed == 0, "purge before 0: nothing");
	ok(keyset_purge(path, time(NULL) + 10, &removed, err, sizeof(err)) ==
	    0 && removed == 3, "purge before now+10: the 2 retired and the "
	    "broken one (%d) %s", removed, err);
	n = scan_dir(dir, t, &nt);
	/* P.<20 digits beyond time_t> and P.<21 digits> are no keys. */
	ok(n == nfiles - 3 && nt == 2 && access(path, R_OK) == 0,
	    "P and the junk files stay (%d files)", n);
	ok(keyset_refresh(ks, path) == 1 && keyset_count(*ks) == 1,
	    "refresh after purge: 1 key");
	ok(jwt_verify(*ks, tok, strlen(tok), TYP, NULL) == JWT_UNKNOWN_KID,
	    "token of the purged key: unknown kid");

	moved = xasprintf("%s/moved", dir);
	ok(rename(path, moved) == 0 && keyset_refresh(ks, path) == 0 &&
	    keyset_count(*ks) == 1, "P missing: refresh keeps the set");
	write_file(path, "broken\n");
	ok(keyset_refresh(ks, path) == 0 && keyset_count(*ks) == 1 &&
	    keyset_refresh(ks, path) == 0, "P broken: refresh keeps the set");
	ok(rename(moved, path) == 0 && keyset_refresh(ks, path) == 0 &&
	    keyset_count(*ks) == 1, "P back: the file loaded, no reload");
	free(moved);
}

static void
check_lifecycle(void)
{
	struct keyset		*ks;
	const struct key	*k;
	time_t			 t[NRET], r1, r2, tr = -1;
	char			 err[256] = "", *dir, *path, *tok, *kid, *p;
	int			 n, nt;

	dir = mkdir_in("life");
	path = xasprintf("%s/%s", dir, BASE);
	check_missing(dir, path);
	make_junk(dir);
	ok(key_generate(KEY_ES256, path, 0, err, sizeof(err)) == 0,
	    "P generated (ES256) %s", err);
	n = scan_dir(dir, t, &nt);
	ks = keyset_load(path, err, sizeof(err));
	ok(ks != NULL && keyset_count(ks) == 1, "load: 1 key, junk ignored, "
	    "broken P.5 skipped %s", ks == NULL ? err : "");
	if (ks == NULL)
		goto out;
	k = keyset_get(ks, 0, &tr);
	ok(k == keyset_current(ks) && tr == 0 && keyset_get(ks, 1, NULL) ==
	    NULL && key_get_type(k) == KEY_ES256, "current key ES256");
	tok = jwt_sign(k, TYP, CLAIMS);
	kid = xstrdup(key_kid(k));

	r1 = rotate(dir, path, KEY_RS256, n);
	p = kid_of(path);
	ok(strncmp(p, "1:", 2) == 0, "P is RS256 now");
	free(p);
	ok(keyset_count(ks) == 1 && keyset_refresh(&ks, path) == 1 &&
	    keyset_count(ks) == 2, "refresh: reloaded, 2 keys");
	k = keyset_current(ks);
	ok(key_get_type(k) == KEY_RS256 && keyset_find(ks, kid) != NULL &&
	    keyset_get(ks, 1, &tr) == keyset_find(ks, kid) && tr == r1,
	    "current RS256, old kid found, retired at %lld", (long long)r1);
	ok(keyset_find(ks, "nope") == NULL && keyset_find(ks, "") == NULL,
	    "other kids not found");
	ok(keyset_refresh(&ks, path) == 0, "refresh again: unchanged");

	r2 = rotate(dir, path, KEY_EDDSA, n + 1);
	ok(keyset_refresh(&ks, path) == 1 && keyset_count(ks) == 3 &&
	    key_get_type(keyset_current(ks)) == KEY_EDDSA, "3 keys");
	keyset_get(ks, 1, &tr);
	ok(r2 > r1 && tr == r2 && keyset_get(ks, 2, &tr) != NULL && tr == r1,
	    "retired keys newest first");
	check_jwks(ks);
	ok(jwt_verify(ks, tok, strlen(tok), TYP, NULL) == JWT_OK,
	    "token of the retired key verifies");
	check_purge(&ks, dir, path, tok, n + 2);
	free(kid);
	free(tok);
	keyset_free(ks);
 out:
	free(path);
	free(dir);
}

/* Two rotations within one second get distinct names. */
static void
check_same_second(void)
{
	struct keyset	*ks;
	time_t		 t[NRET], start;
	char		 err[256] = "", *dir, *path;
	int		 nt, r;

	dir = mkdir_in("fast");
	path = xasprintf("%s/%s", dir, BASE);
	key_generate(KEY_EDDSA, path, 0, err, sizeof(err));
	/* Start right after a second begins. */
	for (start = time(NULL); time(NULL) == start; )
		usleep(1000);
	start = time(NULL);
	r = keyset_rotate(path, KEY_EDDSA, err, sizeof(err));
	r |= keyset_rotate(path, KEY_EDDSA, err, sizeof(err));
	scan_dir(dir, t, &nt);
	ok(r == 0 && nt == 2 && t[0] != t[1], "two rotations: P.%lld, P.%lld",
	    (long long)t[0], (long long)(nt > 1 ? t[1] : 0));
	ok(nt == 2 && (t[0] == start || t[1] == start) &&
	    (t[0] == start + 1 || t[1] == start + 1),
	    "in the same second: now and now+1");
	ks = keyset_load(path, err, sizeof(err));
	ok(keyset_count(ks) == 3, "3 distinct keys");
	keyset_free(ks);
	free(path);
	free(dir);
}

/* More than KEYSET_MAX keys: the newest are kept. */
static void
check_cap(void)
{
	struct keyset	*ks;
	time_t		 tr = 0, tl = 0;
	char		 err[256] = "", *dir, *path, *p;
	int		 i, r = 0;

	dir = mkdir_in("cap");
	path = xasprintf("%s/%s", dir, BASE);
	r |= key_generate(KEY_EDDSA, path, 0, err, sizeof(err));
	for (i = 0; i < KEYSET_MAX + 4; i++) {
		p = xasprintf("%s.%d", path, 1000 + i);
		r |= key_generate(KEY_EDDSA, p, 0, err, sizeof(err));
		free(p);
	}
	ks = keyset_load(path, err, sizeof(err));
	keyset_get(ks, 1, &tr);
	keyset_get(ks, KEYSET_MAX - 1, &tl);
	ok(r == 0 && keyset_count(ks) == KEYSET_MAX &&
	    tr == 1000 + KEYSET_MAX + 3 && tl == 1000 + 5,
	    "capped at %d keys, newest kept (%lld .. %lld)", KEYSET_MAX,
	    (long long)tr, (long long)tl);
	keyset_free(ks);
	free(path);
	free(dir);
}

int
main(void)
{

	if ((tmpdir = tmpdir_make("t_keyset")) == NULL)
		return 2;
	ok(keyset_count(NULL) == 0 && keyset_current(NULL) == NULL &&
	    keyset_find(NULL, "x") == NULL && keyset_jwks(NULL) == NULL,
	    "NULL keyset");
	check_lifecycle();
	check_rotate_fails();
	check_same_second();
	check_cap();
	tmpdir_remove(tmpdir);
	free(tmpdir);
	return done_testing();
}
