/*
 * The configuration file: one "key = value" per line, '#' comments, blank
 * lines ignored.  Path from --config or the CPASSPORT_CONFIG environment
 * variable (set by the web server).  Unknown keys are errors, so a typo
 * does not silently fall back to a default.
 */
#ifndef CPASSPORT_CONFIG_H
#define CPASSPORT_CONFIG_H

#include <stddef.h>

#include "parse/config_claims.h"

#define CONFIG_MAX_LINE	4096
/*
 * Seconds a just-rotated refresh token, presented again by its client, is
 * taken for a race (two tabs, a retry whose answer was lost) rather than
 * theft.  Bounded: a long grace would blunt reuse detection.
 */
#define CONFIG_REFRESH_GRACE_DEFAULT	5
#define CONFIG_REFRESH_GRACE_MAX	300
/*
 * Seconds an id_token is valid (Core §2 exp): it says who signed in just
 * now, not a credential to keep; a relying party refreshes for a new one.
 */
#define CONFIG_ID_TOKEN_LIFETIME_DEFAULT	3600
#define CONFIG_ID_TOKEN_LIFETIME_MAX	86400
/* bcrypt_cost: bcrypt's own bounds are 4 … 31. */
#define PASSWORD_COST_MIN	4
#define PASSWORD_COST_MAX	16
#define PASSWORD_COST_DEFAULT	12	/* Laravel 11+'s BCRYPT_ROUNDS */

struct config {
	char	*database;		/* libpq conninfo */
	char	*issuer;		/* "iss" of every token */
	char	*audience;		/* "aud"; NULL: the client id */
	char	*signing_key;		/* PEM private key file */
	char	*default_scope;		/* used when a request names none */
	long	 access_token_lifetime;	/* seconds */
	long	 refresh_token_lifetime;	/* seconds */
	long	 refresh_token_grace_period; /* seconds; 0: off */
	long	 personal_access_token_lifetime; /* seconds */
	long	 auth_code_lifetime;	/* seconds */
	long	 id_token_lifetime;	/* seconds; 1 … a day */
	char	*user_endpoint_scope;	/* scope /api/user requires; NULL: none */
	int	 allow_plain_http;	/* accept non-TLS from any address */
	long	 max_requests;		/* a FastCGI process exits after so many; 0: never */
	/* The authorization endpoint. */
	long	 session_lifetime;	/* seconds a login lasts */
	int	 pkce_required;		/* for confidential clients too */
	int	 pkce_allow_plain;	/* accept code_challenge_method=plain */
	int	 trust_remote_user;	/* REMOTE_USER is the logged-in user */
	long	 bcrypt_cost;		/* new password hashes; 4 … 16 */
	/* callback.fcgi, the ready-made client of the seed's first flow. */
	char	*callback_client_id;
	char	*callback_client_secret;
	char	*callback_redirect_uri;	/* NULL: issuer + /callback */
	char	*callback_token_endpoint; /* NULL: issuer + /oauth/token */
	char	*callback_scope;	/* NULL: none asked */
	/* Custom claims: `claim` lines, marked by access_token_claims. */
	struct config_claims claims;
	char	*access_token_claims;	/* NULL: none */
};

/* Path of the config: explicit, else $CPASSPORT_CONFIG, else the default. */
const char	*config_path(const char *explicit_path);

/*
 * Read path into *cfg (defaults first).  Returns 0, or -1 with a message
 * naming the file and line in err.  Free with config_free().
 */
int	 config_load(const char *path, struct config *cfg, char *err,
	    size_t errlen);
/*
 * The same from the file's text buf[0..len), which config_load reads
 * whole; name stands for the file in messages.  A NUL byte is an error.
 */
int	 config_parse(const char *buf, size_t len, const char *name,
	    struct config *cfg, char *err, size_t errlen);
void	 config_free(struct config *);

#endif
