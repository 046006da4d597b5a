/*
 * The JWKS (RFC 7517 §5) and key rotation: the signing key listed by kid,
 * public members only, use sig; after keyset_rotate() (what `cpassport
 * keys --rotate` does) the old key is kept beside the new one, running
 * programs sign with the new key (RS256 here) without a restart, the
 * JWKS lists both keys, and a token signed with the previous key still
 * verifies.
 */
#include <glob.h>

#include "resource-lib.h"
#include "crypto/keyset.h"

/* GET the JWKS; the kids of its keys, sorted, space-separated. */
static const char *
jwks_kids(struct ep *t)
{
	static char	 out[1024];
	json_object	*keys;
	const char	*kid[KEYSET_MAX], *tmp;
	size_t		 n = 0, i, len = 0;

	ep_call(t, EP_DISCOVERY, &(struct ep_req){ .method = "GET",
	    .uri = "/.well-known/jwks.json" });
	if (t->json == NULL || !json_object_object_get_ex(t->json, "keys",
	    &keys) || !json_object_is_type(keys, json_type_array))
		return "(no keys)";
	for (i = 0; i < json_object_array_length(keys) && n < KEYSET_MAX; i++)
		kid[n++] = ep_claim(json_object_array_get_idx(keys, i), "kid");
	if (n == 2 && kid[0] && kid[1] && strcmp(kid[0], kid[1]) > 0) {
		tmp = kid[0];
		kid[0] = kid[1];
		kid[1] = tmp;
	}
	out[0] = '\0';
	for (i = 0; i < n && len < sizeof(out); i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s",
		    i ? " " : "", kid[i] ? kid[i] : "(none)");
	return out;
}

int
main(void)
{
	struct ep	 t;
	struct rl_key	 k;
	struct rl_ann	 a;
	char		 old_at[RL_TOKEN_MAX], old_kid[128], new_kid[128];
	char		 want[300], pattern[128], err[256];
	const char	*at;
	json_object	*key0 = NULL, *keys;
	glob_t		 g;

	rl_key(&k, KEY_ES256);
	ep_start(&t, k.line);
	rl_ann_world(&t, &a);
	snprintf(old_at, sizeof(old_at), "%s", rl_ann_token(&t, &a, NULL));
	snprintf(old_kid, sizeof(old_kid), "%s", rl_jwt_kid(old_at));
	ep_is(jwks_kids(&t), old_kid, "jwks: lists the signing key by kid");
	if (json_object_object_get_ex(t.json, "keys", &keys))
		key0 = json_object_array_get_idx(keys, 0);
	ep_ok(key0 != NULL && ep_claim(key0, "d") == NULL &&
	    rl_eq(ep_claim(key0, "use"), "sig", "use"),
	    "jwks-public-only: no private member, use sig");

	if (keyset_rotate(k.path, KEY_RS256, err, sizeof(err)) == -1) {
		printf("Bail out! rotate: %s\n", err);
		return 1;
	}
	snprintf(pattern, sizeof(pattern), "%s.*", k.path);
	ep_ok(glob(pattern, 0, NULL, &g) == 0 && g.gl_pathc == 1,
	    "rotate: the old key is kept beside the new one");
	globfree(&g);
	at = rl_ann_token(&t, &a, NULL);
	snprintf(new_kid, sizeof(new_kid), "%s", rl_jwt_kid(at));
	ep_ok(strcmp(new_kid, old_kid) != 0 &&
	    rl_eq(rl_jwt_alg(at), "RS256", "alg"), "rotate-picked-up: running "
	    "programs sign with the new key, no restart");
	snprintf(want, sizeof(want), "%s %s",
	    strcmp(old_kid, new_kid) < 0 ? old_kid : new_kid,
	    strcmp(old_kid, new_kid) < 0 ? new_kid : old_kid);
	ep_is(jwks_kids(&t), want,
	    "rotate-jwks: JWKS lists the new and the previous key");
	ep_is_int(rl_user(&t, old_at), 200, "rotate-old-token: a token signed "
	    "with the previous key still verifies");
	rl_key_remove(&k);
	return ep_finish(&t);
}
