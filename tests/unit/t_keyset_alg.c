/*
 * Unit tests for the keyset's active key per algorithm (lib/crypto/keyset.c,
 * keyset_rotate.c): P is the access tokens' key; the companions P.rs256,
 * P.es256, P.eddsa are the active keys of the other types, for id_tokens
 * (OpenID Connect Core §15.1: RS256 always available).  Loading, lookup
 * by type, JWKS, settling, adding, rotating per algorithm (the others
 * untouched), and purging, in mkdtemp directories under $TMPDIR or /tmp.
 */
#include <sys/stat.h>

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

static char	*tmpdir;

/* A fresh directory and the path of P in it (both the caller's). */
static char *
new_p(const char *name, char **dir)
{
	*dir = xasprintf("%s/%s", tmpdir, name);
	if (mkdir(*dir, 0700) == -1) {
		perror(*dir);
		exit(2);
	}
	return xasprintf("%s/%s", *dir, BASE);
}

static int
exists(const char *path, const char *suffix)
{
	char	*p;
	int	 r;

	p = xasprintf("%s%s", path, suffix);
	r = access(p, F_OK) == 0;
	free(p);
	return r;
}

static int
mode_of(const char *path, const char *suffix)
{
	struct stat	 sb;
	char		*p;
	int		 m = -1;

	p = xasprintf("%s%s", path, suffix);
	if (stat(p, &sb) == 0)
		m = (int)(sb.st_mode & 07777);
	free(p);
	return m;
}

/* The kid of the key of a type in the set (caller frees), or "none". */
static char *
kid_for(const struct keyset *ks, enum key_type t)
{
	const struct key	*k;

	if ((k = keyset_for(ks, t)) == NULL || key_get_type(k) != t)
		return xstrdup("none");
	return xstrdup(key_kid(k));
}

/* The retired time the set gives the key of this kid; -1 if absent. */
static long long
retired_of(const struct keyset *ks, const char *kid)
{
	time_t	 t;
	size_t	 i;

	for (i = 0; i < keyset_count(ks); i++)
		if (strcmp(key_kid(keyset_get(ks, i, &t)), kid) == 0)
			return (long long)t;
	return -1;
}

/* The algs of the set, comma-separated (a static buffer). */
static const char *
algs_of(const struct keyset *ks)
{
	static char	 buf[64];
	const char	*a[KEY__MAX];
	size_t		 n, i;

	buf[0] = '\0';
	n = keyset_algs(ks, a);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(buf, ",");
		strcat(buf, a[i]);
	}
	return buf;
}

/*
 * 1 when the JWKS lists exactly n keys, each kid once, each with the alg
 * of the set's key of that kid.
 */
static int
jwks_is(const struct keyset *ks, size_t n)
{
	struct json_object	*o, *a, *k, *kid, *alg;
	const struct key	*key;
	char			*s;
	size_t			 i, j;
	int			 good = 0;

	if ((s = keyset_jwks(ks)) == NULL)
		return 0;
	o = json_tokener_parse(s);
	free(s);
	if (o == NULL || !json_object_object_get_ex(o, "keys", &a) ||
	    json_object_array_length(a) != n)
		goto done;
	for (i = 0; i < n; i++) {
		k = json_object_array_get_idx(a, i);
		if (!json_object_object_get_ex(k, "kid", &kid) ||
		    !json_object_object_get_ex(k, "alg", &alg) ||
		    (key = keyset_find(ks, json_object_get_string(kid))) ==
		    NULL || strcmp(json_object_get_string(alg),
		    key_alg(key_get_type(key))) != 0)
			goto done;
		for (j = 0; j < i; j++)
			if (strcmp(json_object_get_string(kid),
			    json_object_get_string(json_object_object_get(
			    json_object_array_get_idx(a, j), "kid"))) == 0)
				goto done;
	}
	good = 1;
 done:
	json_object_put(o);
	return good;
}

/* P (ES256) alone: only ES256 is active, through P. */
static void
check_p_alone(struct keyset **ksp, const char *path)
{
	char	 err[256] = "";

	ok(key_generate(KEY_ES256, path, 0, err, sizeof(err)) == 0 &&
	    (*ksp = keyset_load(path, err, sizeof(err))) != NULL,
	    "P (ES256) made and loaded: %s", err);
	ok(keyset_for(*ksp, KEY_ES256) == keyset_current(*ksp) &&
	    keyset_for(*ksp, KEY_RS256) == NULL &&
	    keyset_for(*ksp, KEY_EDDSA) == NULL,
	    "P alone: ES256 is P, no RS256, no EdDSA");
	ok(strcmp(algs_of(*ksp), "ES256") == 0, "algs: %s", algs_of(*ksp));
	ok(keyset_for(*ksp, KEY__MAX) == NULL &&
	    keyset_for(*ksp, (enum key_type)-1) == NULL &&
	    keyset_for(NULL, KEY_ES256) == NULL, "keyset_for: bad type, NULL");
}

/* Core §15.1: keyset_settle makes P.rs256 beside an ES256 P, once. */
static void
check_settle(struct keyset **ksp, const char *path)
{
	char	 err[256] = "";
	int	 retired = -1, made = -1;

	chmod(path, 0640);
	ok(keyset_settle(path, &retired, &made, err, sizeof(err)) == 0 &&
	    retired == 0 && made == 1 && exists(path, ".rs256"),
	    "settle: P.rs256 made (%s)", err);
	ok(mode_of(path, ".rs256") == 0640, "P.rs256 has P's mode 0640 (%o)",
	    mode_of(path, ".rs256"));
	ok(keyset_refresh(ksp, path) == 1, "settle renewed P: reloaded");
	ok(keyset_count(*ksp) == 2 &&
	    key_get_type(keyset_for(*ksp, KEY_RS256)) == KEY_RS256 &&
	    keyset_for(*ksp, KEY_ES256) == keyset_current(*ksp),
	    "RS256 is P.rs256, ES256 still P");
	ok(strcmp(algs_of(*ksp), "ES256,RS256") == 0, "algs: %s",
	    algs_of(*ksp));
	ok(jwks_is(*ksp, 2), "JWKS: 2 keys, each once with its alg");
	ok(keyset_settle(path, &retired, &made, err, sizeof(err)) == 0 &&
	    retired == 0 && made == 0 && keyset_refresh(ksp, path) == 0,
	    "settle again: nothing made, P untouched");
}

/* keyset_add: P.eddsa when absent; refused when present or P's type. */
static void
check_add(struct keyset **ksp, const char *path)
{
	char	 err[256] = "";

	ok(keyset_add(path, KEY_EDDSA, err, sizeof(err)) == 0 &&
	    exists(path, ".eddsa") && keyset_refresh(ksp, path) == 1,
	    "add eddsa: P.eddsa made, P renewed (%s)", err);
	ok(strcmp(algs_of(*ksp), "ES256,RS256,EdDSA") == 0 &&
	    keyset_count(*ksp) == 3, "algs: %s", algs_of(*ksp));
	err[0] = '\0';
	ok(keyset_add(path, KEY_EDDSA, err, sizeof(err)) == -1 &&
	    strstr(err, "exists already") != NULL &&
	    keyset_refresh(ksp, path) == 0, "add eddsa again: %s", err);
	err[0] = '\0';
	ok(keyset_add(path, KEY_ES256, err, sizeof(err)) == -1 &&
	    strstr(err, "is ES256 already") != NULL && !exists(path, ".es256"),
	    "add es256 beside an ES256 P: %s", err);
	ok(keyset_add(path, KEY__MAX, err, sizeof(err)) == -1,
	    "add: bad type refused");
}

/*
 * keyset_rotate_alg(RS256): a new P.rs256, the old one kept as
 * P.rs256.<t> and still verifying its token; P and P.eddsa untouched.
 */
static void
check_rotate_rs256(struct keyset **ksp, const char *path)
{
	json_object	*claims = NULL;
	time_t		 before = time(NULL);
	char		 err[256] = "", *rs, *es, *ed, *rs2, *es2, *ed2, *tok;

	rs = kid_for(*ksp, KEY_RS256);
	es = kid_for(*ksp, KEY_ES256);
	ed = kid_for(*ksp, KEY_EDDSA);
	tok = jwt_sign(keyset_for(*ksp, KEY_RS256), "JWT", CLAIMS);
	ok(keyset_rotate_alg(path, KEY_RS256, err, sizeof(err)) == 0 &&
	    keyset_refresh(ksp, path) == 1, "rotate rs256: P renewed (%s)",
	    err);
	rs2 = kid_for(*ksp, KEY_RS256);
	es2 = kid_for(*ksp, KEY_ES256);
	ed2 = kid_for(*ksp, KEY_EDDSA);
	ok(strcmp(rs2, rs) != 0 && strcmp(rs2, "none") != 0,
	    "RS256: a new active key");
	ok(strcmp(es2, es) == 0 && strcmp(ed2, ed) == 0,
	    "ES256 (P) and EdDSA untouched");
	ok(keyset_count(*ksp) == 4 && retired_of(*ksp, rs) >= before &&
	    retired_of(*ksp, rs2) == 0, "the old RS256 key retired at %lld",
	    retired_of(*ksp, rs));
	ok(jwks_is(*ksp, 4), "JWKS: 4 keys, each once");
	ok(tok != NULL && jwt_verify(*ksp, tok, strlen(tok), "JWT",
	    &claims) == JWT_OK, "a token of the retired RS256 key verifies");
	json_object_put(claims);
	free(tok);
	free(rs);
	free(es);
	free(ed);
	free(rs2);
	free(es2);
	free(ed2);
}

/* keyset_rotate_alg of P's own type rotates P, as keyset_rotate. */
static void
check_rotate_own(struct keyset **ksp, const char *path)
{
	char	 err[256] = "", *es, *rs, *es2, *rs2;

	es = kid_for(*ksp, KEY_ES256);
	rs = kid_for(*ksp, KEY_RS256);
	ok(keyset_rotate_alg(path, KEY_ES256, err, sizeof(err)) == 0 &&
	    keyset_refresh(ksp, path) == 1, "rotate es256: P rotated (%s)",
	    err);
	es2 = kid_for(*ksp, KEY_ES256);
	rs2 = kid_for(*ksp, KEY_RS256);
	ok(keyset_for(*ksp, KEY_ES256) == keyset_current(*ksp) &&
	    strcmp(es2, es) != 0 && retired_of(*ksp, es) > 0 &&
	    strcmp(rs2, rs) == 0 && !exists(path, ".es256"),
	    "P is the new ES256 key, the old one retired, RS256 untouched");
	ok(keyset_count(*ksp) == 5 && jwks_is(*ksp, 5), "5 keys");
	free(es);
	free(rs);
	free(es2);
	free(rs2);
}

/* Purge drops P.<t> and P.<type>.<t>, never the active keys. */
static void
check_purge(struct keyset **ksp, const char *path)
{
	static const char *const junk[] = { ".rs256.", ".rs256.x",
	    ".rs256.new-abc", ".ps256.12", ".rs256.12.1", ".RS256.12" };
	struct keyset	*ks;
	char		 err[256] = "", *p;
	size_t		 i;
	int		 removed = -1, r = 0;

	for (i = 0; i < sizeof(junk) / sizeof(junk[0]); i++) {
		p = xasprintf("%s%s", path, junk[i]);
		r |= key_generate(KEY_EDDSA, p, 0, err, sizeof(err));
		free(p);
	}
	ks = keyset_load(path, err, sizeof(err));
	ok(r == 0 && keyset_count(ks) == 5,
	    "names not retired keys' are not loaded");
	keyset_free(ks);
	ok(keyset_purge(path, time(NULL) + 10, &removed, err,
	    sizeof(err)) == 0 && removed == 2, "purge: 2 removed %s", err);
	ok(keyset_refresh(ksp, path) == 1 && keyset_count(*ksp) == 3 &&
	    strcmp(algs_of(*ksp), "ES256,RS256,EdDSA") == 0,
	    "the 3 active keys stay");
	ok(exists(path, ".rs256.x") && exists(path, ".ps256.12"),
	    "purge left the other files alone");
}

/*
 * P rotated to RS256: settle retires P.rs256 (P is the RS256 key now) and
 * makes no other RS256 key.
 */
static void
check_settle_own(struct keyset **ksp, const char *path)
{
	char	 err[256] = "", *rs;
	int	 retired = -1, made = -1;

	rs = kid_for(*ksp, KEY_RS256);
	ok(keyset_rotate(path, KEY_RS256, err, sizeof(err)) == 0 &&
	    keyset_refresh(ksp, path) == 1, "P rotated to RS256 (%s)", err);
	ok(keyset_for(*ksp, KEY_RS256) == keyset_current(*ksp) &&
	    retired_of(*ksp, rs) > 0 && keyset_for(*ksp, KEY_ES256) == NULL,
	    "RS256 is P; the stale P.rs256 only verifies; no ES256");
	ok(keyset_settle(path, &retired, &made, err, sizeof(err)) == 0 &&
	    retired == 1 && made == 0 && !exists(path, ".rs256") &&
	    keyset_refresh(ksp, path) == 1, "settle: P.rs256 retired (%s)",
	    err);
	ok(retired_of(*ksp, rs) > 0 &&
	    strcmp(algs_of(*ksp), "RS256,EdDSA") == 0, "algs: %s",
	    algs_of(*ksp));
	free(rs);
}

/* Companions that fail: missing for a rotation, of the wrong type. */
static void
check_broken(void)
{
	struct keyset	*ks;
	char		 err[256] = "", *dir, *path, *p;

	path = new_p("broken", &dir);
	key_generate(KEY_EDDSA, path, 0, err, sizeof(err));
	ok(keyset_rotate_alg(path, KEY_RS256, err, sizeof(err)) == -1 &&
	    strstr(err, "no RS256 key to rotate") != NULL &&
	    !exists(path, ".rs256"), "rotate a missing companion: %s", err);
	p = xasprintf("%s.es256", path);
	key_generate(KEY_RS256, p, 0, err, sizeof(err));
	free(p);
	ks = keyset_load(path, err, sizeof(err));
	ok(ks != NULL && keyset_count(ks) == 1 &&
	    keyset_for(ks, KEY_ES256) == NULL && keyset_for(ks,
	    KEY_RS256) == NULL, "an RS256 key as P.es256 is skipped");
	keyset_free(ks);
	ok(keyset_rotate_alg(NULL, KEY_RS256, err, sizeof(err)) == -1 &&
	    keyset_settle(dir, &(int){0}, &(int){0}, err, sizeof(err)) == -1,
	    "no path, a directory as P: refused");
	free(path);
	free(dir);
}

/* Beyond KEYSET_MAX keys the oldest retired go, never an active key. */
static void
check_cap(void)
{
	struct keyset	*ks;
	time_t		 t = -1;
	char		 err[256] = "", *dir, *path, *p;
	int		 i, r = 0, made, retired;

	path = new_p("cap", &dir);
	r |= key_generate(KEY_EDDSA, path, 0, err, sizeof(err));
	r |= keyset_settle(path, &retired, &made, err, sizeof(err));
	for (i = 0; i < KEYSET_MAX; i++) {
		p = xasprintf("%s.eddsa.%d", path, 1000 + i);
		r |= key_generate(KEY_EDDSA, p, 0, err, sizeof(err));
		free(p);
	}
	ks = keyset_load(path, err, sizeof(err));
	keyset_get(ks, KEYSET_MAX - 1, &t);
	ok(r == 0 && keyset_count(ks) == KEYSET_MAX &&
	    keyset_for(ks, KEY_RS256) != NULL &&
	    keyset_for(ks, KEY_EDDSA) == keyset_current(ks) && t == 1002,
	    "capped at %d keys: P and P.rs256 kept, the 2 oldest retired "
	    "dropped (last %lld)", KEYSET_MAX, (long long)t);
	keyset_free(ks);
	free(path);
	free(dir);
}

int
main(void)
{
	struct keyset	*ks = NULL;
	char		*dir, *path;

	if ((tmpdir = tmpdir_make("t_keyset_alg")) == NULL)
		return 2;
	path = new_p("set", &dir);
	check_p_alone(&ks, path);
	check_settle(&ks, path);
	check_add(&ks, path);
	check_rotate_rs256(&ks, path);
	check_rotate_own(&ks, path);
	check_purge(&ks, path);
	check_settle_own(&ks, path);
	check_broken();
	check_cap();
	keyset_free(ks);
	free(path);
	free(dir);
	tmpdir_remove(tmpdir);
	free(tmpdir);
	return done_testing();
}
