/*
 * Helpers of the token endpoint tests (token-*.c, refresh-*.c,
 * password-*.c, personal-*.c, cc-cache.c, config-*.c): a request read
 * from web-server parameters as http.c reads it, a config loaded with one
 * more line, password and refresh grants, "status:error" checks, the
 * stored form of a token, the access token at /api/user, and a JWT
 * checked against the signing key without the library's own JWT code.
 */
#ifndef CPASSPORT_TOKEN_LIB_H
#define CPASSPORT_TOKEN_LIB_H

#include "ep.h"

/*
 * Serves a request to token.fcgi made by http_request_params() from the
 * NULL-terminated "NAME=value" parameters envp (REQUEST_METHOD,
 * CONTENT_LENGTH, HTTPS, …) with body as what was read of it (NULL: none
 * read, as when CONTENT_LENGTH is over the limit).  The response is in t
 * as after ep_call(); returns the status.
 */
int		 tk_call_env(struct ep *, const char *const *envp,
		    const char *body);

/*
 * app_init() on the test's config with one more line (a key given again
 * overrides); 0, or -1 with the message in err.
 */
int		 tk_load_config(struct ep *, const char *line, char *err,
		    size_t errlen);

/* The tokens of the last grant's answer ("" for none). */
struct tk_tokens {
	char	at[4096];
	char	rt[128];
};

/*
 * A password grant with client_secret_basic for email and password,
 * asking scope unless it is NULL; the tokens go to out unless NULL.
 * Returns the status.
 */
int		 tk_password(struct ep *, const char *id, const char *secret,
		    const char *email, const char *password, const char *scope,
		    struct tk_tokens *out);
/* A refresh_token grant (RFC 6749 §6), likewise. */
int		 tk_refresh(struct ep *, const char *id, const char *secret,
		    const char *rt, const char *scope, struct tk_tokens *out);

/* ep_is() of "status:error" of the last response against want. */
int		 tk_is_error(struct ep *, const char *want,
		    const char *desc);
/* ep_is() of "status:error:error_description" against want. */
int		 tk_is_answer(struct ep *, const char *want,
		    const char *desc);
/* ep_is() of "status:scope" ("null" for none) against want. */
int		 tk_is_scope(struct ep *, const char *want,
		    const char *desc);

/* The SHA-256 of s in hex, as the store keys refresh tokens. */
const char	*tk_sha256_hex(const char *s, char out[65]);

/* GET /api/user with "Authorization: Bearer at"; returns the status. */
int		 tk_user_status(struct ep *, const char *at);

/*
 * 1 when jwt is an ES256 JWS whose signature verifies with the public
 * half of the PEM key at path and whose kid is that key's RFC 7638
 * thumbprint; checked with OpenSSL alone.
 */
int		 tk_jwt_verifies(const char *jwt, const char *path);

/* The JOSE header of a JWT (caller puts), or NULL. */
json_object	*tk_jwt_header(const char *jwt);

#endif
