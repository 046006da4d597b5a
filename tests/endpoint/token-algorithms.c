/*
 * Access tokens signed with each key type `cpassport keys` makes (ES256,
 * RS256 for Passport compatibility, EdDSA; RFC 7518 §3.1, RFC 8037 §3.1):
 * the key replaced under the running program (key_generate with force,
 * what `keys --force --type` does), a password grant's token carries the
 * alg, node's crypto verifies its signature independently
 * (tests/unit/jwt_verify.js), and the JWKS serves the key it names.
 */
#include <sys/wait.h>

#include <stdlib.h>
#include <unistd.h>

#include <openssl/pem.h>

#include "resource-lib.h"

/* The public half of the PEM private key at path, as PEM at out. */
static int
public_pem(const char *path, const char *out)
{
	FILE		*f;
	EVP_PKEY	*k;
	int		 ok;

	if ((f = fopen(path, "r")) == NULL)
		return -1;
	k = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	fclose(f);
	if (k == NULL || (f = fopen(out, "w")) == NULL) {
		EVP_PKEY_free(k);
		return -1;
	}
	ok = PEM_write_PUBKEY(f, k);
	fclose(f);
	EVP_PKEY_free(k);
	return ok ? 0 : -1;
}

/* `node jwt_verify.js pub token kid` exits 0; its reason on stderr. */
static int
node_verifies(const char *dir, const char *pub, const char *jwt,
    const char *kid)
{
	char		 tok[128], cmd[1024];
	const char	*src = getenv("srcdir");
	FILE		*f;
	int		 st;

	snprintf(tok, sizeof(tok), "%s/at.jwt", dir);
	if ((f = fopen(tok, "w")) == NULL)
		return 0;
	fputs(jwt, f);
	fclose(f);
	/* kid is base64url: nothing in it the shell would read. */
	snprintf(cmd, sizeof(cmd), "node '%s/tests/unit/jwt_verify.js' '%s' "
	    "'%s' '%s' >&2", src && *src ? src : ".", pub, tok, kid);
	fflush(stdout);
	st = system(cmd);
	unlink(tok);
	return st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* The JWKS (discovery.fcgi) has a key of this kid and alg. */
static int
jwks_has(struct ep *t, const char *kid, const char *alg)
{
	json_object	*keys, *k;
	size_t		 i;

	ep_call(t, EP_DISCOVERY, &(struct ep_req){ .method = "GET",
	    .uri = "/.well-known/jwks.json" });
	if (t->json == NULL || !json_object_object_get_ex(t->json, "keys",
	    &keys) || !json_object_is_type(keys, json_type_array))
		return 0;
	for (i = 0; i < json_object_array_length(keys); i++) {
		k = json_object_array_get_idx(keys, i);
		if (rl_eq(ep_claim(k, "kid"), kid, "kid") &&
		    rl_eq(ep_claim(k, "alg"), alg, "alg"))
			return 1;
	}
	return 0;
}

int
main(void)
{
	static const enum key_type types[] = { KEY_ES256, KEY_RS256,
				    KEY_EDDSA };
	static const char *const names[] = { "es256", "rs256", "eddsa" };
	struct ep		 t;
	struct rl_key		 k;
	struct client_spec	 c = { .name = "C", .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 pub[128], at[RL_TOKEN_MAX], kid[128], err[256];
	size_t			 i;
	int			 status;

	rl_key(&k, KEY_ES256);
	ep_start(&t, k.line);
	ep_user(&t, "u@example.com", NULL, "pw");
	ep_client(&t, &c, id, secret);
	snprintf(pub, sizeof(pub), "%s/pub.pem", k.dir);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (key_generate(types[i], k.path, 1, err, sizeof(err)) == -1) {
			printf("Bail out! key: %s\n", err);
			return 1;
		}
		status = ep_token(&t, ep_basic(id, secret), "grant_type=password&"
		    "username=u%%40example.com&password=pw");
		snprintf(at, sizeof(at), "%s", ep_json(&t, "access_token") ?
		    ep_json(&t, "access_token") : "");
		snprintf(kid, sizeof(kid), "%s", rl_jwt_kid(at) ?
		    rl_jwt_kid(at) : "");
		ep_ok(status == 200 && rl_eq(rl_jwt_alg(at),
		    key_alg(types[i]), "alg"), "jwt-%s: a token with alg %s",
		    names[i], key_alg(types[i]));
		ep_ok(public_pem(k.path, pub) == 0 &&
		    node_verifies(k.dir, pub, at, kid), "jwt-%s: the signature "
		    "verifies independently (node crypto)", names[i]);
		unlink(pub);
		ep_ok(jwks_has(&t, kid, key_alg(types[i])), "jwt-%s: the JWKS "
		    "serves the key the token names", names[i]);
	}
	rl_key_remove(&k);
	return ep_finish(&t);
}
