/*
 * The world of the OpenID Connect tests (authcode-lib.h's browser): the
 * scope read beside 005's openid, profile and email; alice (openid,
 * profile, email, read; "pw one") signed in through the login form; a
 * web app at AC_CB (confidential, with consent) and a first-party one
 * registered with require_nonce, both RS256; the config
 * allow_plain_http and default_scope = read, then extra.
 */
#ifndef CPASSPORT_OIDC_LIB_H
#define CPASSPORT_OIDC_LIB_H

#include "authcode-lib.h"

struct oidc_world {
	char		alice[64];
	char		cid[UUID_TEXT_LEN + 1], csecret[SECRET_TEXT_LEN + 1];
	char		nid[UUID_TEXT_LEN + 1], nsecret[SECRET_TEXT_LEN + 1];
	struct ac_jar	jar;	/* alice's session */
};

void		 oidc_world(struct ep *, struct oidc_world *, const char *extra);

/*
 * The authorization request of client_id at AC_CB for scope, state
 * s-1, then more ("&nonce=n", or ""): a query (static, reused in turn),
 * for ac_code() in the world's jar.
 */
const char	*oidc_query(const char *client_id, const char *scope,
		    const char *more);
/* The client (id, secret) exchanges the code at AC_CB; the status. */
int		 oidc_exchange(struct ep *, const char *id, const char *secret,
		    const char *code);

/*
 * The code flow of the web app for scope and more, then the exchange:
 * the token response's status; its access token and id_token (""
 * when none) copied to at and idt.
 */
#define OIDC_TOKEN_MAX	8192
int		 oidc_tokens(struct ep *, struct oidc_world *, const char *scope,
		    const char *more, char at[OIDC_TOKEN_MAX],
		    char idt[OIDC_TOKEN_MAX]);
/* The header of a JWT (caller puts), or NULL. */
json_object	*oidc_jwt_header(const char *jwt);
/*
 * Core §3.1.3.6 at_hash of an access token, computed here: base64url
 * of the left half of its SHA-256 (sha512: SHA-512); static buffer.
 */
const char	*oidc_at_hash(const char *at, int sha512);
/*
 * The member names of a JSON object, sorted, space-separated (static
 * buffer): what a test compares a claim set with.
 */
const char	*oidc_members(json_object *);
/*
 * node checks the JWT against the JWKS that discovery.fcgi serves
 * (tests/endpoint/jwks_verify.js): the key of its kid, that key's alg,
 * typ, the signature.  1 when it verifies.
 */
int		 oidc_jwks_verifies(struct ep *, const char *jwt,
		    const char *typ);

#endif
