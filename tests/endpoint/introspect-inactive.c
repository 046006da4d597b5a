/*
 * What introspection answers {"active": false} for (RFC 7662 §2.2): a
 * token it does not know, a well-formed JWT with our kid signed by a key
 * that is not ours, and a token whose row has expired.
 */
#include <stdlib.h>

#include "resource-lib.h"
#include "parse/b64.h"

/*
 * The access token's payload under a header with its kid, signed by a
 * fresh ES256 key of the test's own, into out.
 */
static void
forge(const char *at, char *out, size_t outlen)
{
	struct rl_key	 foreign;
	char		 err[256], header[512], *h, *sig;
	const char	*dot, *kid;
	unsigned char	*s;
	size_t		 n, slen;
	struct key	*k;

	rl_key(&foreign, KEY_ES256);
	if ((k = key_load(foreign.path, err, sizeof(err))) == NULL) {
		printf("Bail out! foreign key: %s\n", err);
		exit(1);
	}
	rl_key_remove(&foreign);
	dot = strchr(at, '.');
	kid = rl_jwt_kid(at);
	snprintf(header, sizeof(header),
	    "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"%s\"}",
	    kid ? kid : "");
	h = b64url_encode((unsigned char *)header, strlen(header));
	snprintf(out, outlen, "%s.%.*s", h, (int)strcspn(dot + 1, "."),
	    dot + 1);
	s = key_sign(k, out, strlen(out), &slen);
	sig = b64url_encode(s, slen);
	n = strlen(out);
	snprintf(out + n, outlen - n, ".%s", sig);
	free(h);
	free(s);
	free(sig);
	key_free(k);
}

int
main(void)
{
	struct ep		 t;
	struct rl_world		 w;
	struct rl_tokens	 tk;
	json_object		*c;
	char			 forged[RL_TOKEN_MAX];

	ep_start(&t, NULL);
	rl_world(&t, &w);
	rl_ivy(&t, &w, &tk);
	rl_introspect(&t, w.rs_auth, "nonsense", NULL);
	ep_is(rl_answer(&t, "active", NULL), "200:false",
	    "introspect-unknown: active false");
	forge(tk.access, forged, sizeof(forged));
	rl_introspect(&t, w.rs_auth, forged, NULL);
	ep_is(rl_answer(&t, "active", NULL), "200:false",
	    "introspect-foreign-signature: a token signed by another key is "
	    "not active");
	c = ep_jwt_claims(tk.access);
	ep_sql(&t, "UPDATE oauth_access_tokens SET expires_at = now() - "
	    "interval '1 s' WHERE id = $1", ep_claim(c, "jti"), NULL);
	json_object_put(c);
	rl_introspect(&t, w.rs_auth, tk.access, NULL);
	ep_is(rl_answer(&t, "active", NULL), "200:false",
	    "introspect-expired-row: a token whose row expired is not active");
	return ep_finish(&t);
}
