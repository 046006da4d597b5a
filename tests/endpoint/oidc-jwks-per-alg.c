/*
 * One active key per algorithm in the JWKS (RFC 7517 §5), for id_tokens
 * signed with each client's algorithm (OpenID Connect Core §15.1: RS256
 * always; ES256 and EdDSA too; §10.1.1: rotation through the JWKS).  The
 * signing key P (ES256 here, the access tokens' key), P.rs256 as
 * `cpassport keys` makes it (keyset_settle) and P.eddsa from `keys --add
 * eddsa` (keyset_add) are listed, each once with its alg.  Rotating the
 * RS256 key alone (keyset_rotate_alg, `keys --rotate --alg rs256`) shows
 * at the next request: the new RS256 key and the previous one listed, the
 * ES256 and EdDSA keys untouched, access tokens still signed by P; a
 * token signed by the retired RS256 key still verifies, until purge.
 */
#include <time.h>

#include "resource-lib.h"
#include "crypto/jwt.h"
#include "crypto/keyset.h"

struct kids {
	char	es[128], rs[128], ed[128];
};

/* The kid of the key file at path + suffix, in out. */
static void
file_kid(const char *path, const char *suffix, char *out, size_t len)
{
	struct key	*k;
	char		 p[256], err[256];

	snprintf(p, sizeof(p), "%s%s", path, suffix);
	if ((k = key_load(p, err, sizeof(err))) == NULL) {
		printf("Bail out! %s\n", err);
		exit(1);
	}
	snprintf(out, len, "%s", key_kid(k));
	key_free(k);
}

/*
 * GET the JWKS: its number of keys when every kid is there once, else
 * -1.  *has counts the kids[] (n of them, each "ALG kid") listed with
 * that alg.
 */
static int
jwks_keys(struct ep *t, const char *const *want, size_t n, size_t *has)
{
	json_object	*keys, *k;
	const char	*kid, *alg;
	char		 ak[256];
	size_t		 i, j, len;

	*has = 0;
	ep_call(t, EP_DISCOVERY, &(struct ep_req){ .method = "GET",
	    .uri = "/.well-known/jwks.json" });
	if (t->json == NULL || !json_object_object_get_ex(t->json, "keys",
	    &keys) || !json_object_is_type(keys, json_type_array))
		return -1;
	len = json_object_array_length(keys);
	for (i = 0; i < len; i++) {
		k = json_object_array_get_idx(keys, i);
		if ((kid = ep_claim(k, "kid")) == NULL ||
		    (alg = ep_claim(k, "alg")) == NULL)
			return -1;
		for (j = 0; j < i; j++)
			if (strcmp(kid, ep_claim(json_object_array_get_idx(keys,
			    j), "kid")) == 0)
				return -1;
		snprintf(ak, sizeof(ak), "%s %s", alg, kid);
		for (j = 0; j < n; j++)
			if (strcmp(ak, want[j]) == 0)
				(*has)++;
	}
	return (int)len;
}

/* An access token of Ann's, its claims signed again by the key at path. */
static void
resign(const char *at, const char *path, char *out, size_t len)
{
	json_object	*claims;
	struct key	*k;
	char		 err[256], *jwt;

	claims = ep_jwt_claims(at);
	if (claims == NULL || (k = key_load(path, err, sizeof(err))) == NULL) {
		printf("Bail out! resign\n");
		exit(1);
	}
	jwt = jwt_sign(k, "at+jwt", json_object_to_json_string(claims));
	snprintf(out, len, "%s", jwt != NULL ? jwt : "");
	free(jwt);
	key_free(k);
	json_object_put(claims);
}

int
main(void)
{
	struct ep	 t;
	struct rl_key	 k;
	struct rl_ann	 a;
	struct kids	 kid;
	char		 rs_old[RL_TOKEN_MAX], p_rs[128], err[256];
	char		 w[5][300], new_rs[128];
	const char	*want[5] = { w[0], w[1], w[2], w[3], w[4] }, *at;
	size_t		 has;
	int		 retired, made, removed;

	rl_key(&k, KEY_ES256);
	if (keyset_settle(k.path, &retired, &made, err, sizeof(err)) == -1 ||
	    keyset_add(k.path, KEY_EDDSA, err, sizeof(err)) == -1) {
		printf("Bail out! keys: %s\n", err);
		return 1;
	}
	file_kid(k.path, "", kid.es, sizeof(kid.es));
	file_kid(k.path, ".rs256", kid.rs, sizeof(kid.rs));
	file_kid(k.path, ".eddsa", kid.ed, sizeof(kid.ed));
	snprintf(w[0], sizeof(w[0]), "ES256 %s", kid.es);
	snprintf(w[1], sizeof(w[1]), "RS256 %s", kid.rs);
	snprintf(w[2], sizeof(w[2]), "EdDSA %s", kid.ed);
	ep_start(&t, k.line);
	rl_ann_world(&t, &a);
	ep_ok(jwks_keys(&t, want, 3, &has) == 3 && has == 3,
	    "oidc-jwks-per-alg: 3 keys, one per algorithm, each once with "
	    "its alg (Core §15.1)");

	at = rl_ann_token(&t, &a, NULL);
	snprintf(p_rs, sizeof(p_rs), "%s.rs256", k.path);
	resign(at, p_rs, rs_old, sizeof(rs_old));
	ep_is_int(rl_user(&t, rs_old), 200, "a token signed by the RS256 key "
	    "verifies");
	if (keyset_rotate_alg(k.path, KEY_RS256, err, sizeof(err)) == -1) {
		printf("Bail out! rotate: %s\n", err);
		return 1;
	}
	file_kid(k.path, ".rs256", new_rs, sizeof(new_rs));
	snprintf(w[3], sizeof(w[3]), "RS256 %s", new_rs);
	ep_ok(strcmp(new_rs, kid.rs) != 0 && jwks_keys(&t, want, 4, &has) ==
	    4 && has == 4, "oidc-jwks-rotate-alg-next-request: the new RS256 "
	    "key listed at the next request, the previous one too, ES256 and "
	    "EdDSA unchanged");
	at = rl_ann_token(&t, &a, NULL);
	ep_ok(rl_eq(rl_jwt_kid(at), kid.es, "kid") &&
	    rl_eq(rl_jwt_alg(at), "ES256", "alg"), "oidc-jwks-rotate-alg-alone: "
	    "access tokens still signed by the signing key");
	ep_is_int(rl_user(&t, rs_old), 200, "oidc-jwks-retired-alg-verifies: "
	    "a token signed by the retired RS256 key still verifies");

	if (keyset_purge(k.path, time(NULL) + 10, &removed, err,
	    sizeof(err)) == -1)
		printf("# purge: %s\n", err);
	want[1] = w[3];
	ep_ok(removed == 1 && jwks_keys(&t, want, 3, &has) == 3 && has == 3,
	    "oidc-jwks-purge-alg: purge drops the retired RS256 key at the "
	    "next request, the 3 active keys stay");
	ep_is_int(rl_user(&t, rs_old), 401, "oidc-jwks-purged-alg: its token "
	    "no longer verifies");
	rl_key_remove(&k);
	return ep_finish(&t);
}
