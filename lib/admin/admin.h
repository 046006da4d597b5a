/*
 * What the cpassport CLI does, as library calls: each validates its
 * arguments, touches the database through the db_* modules, and returns
 * 0, or -1 with a message for the operator in err.  Secrets made here are
 * returned once to be shown once; only their hashes are stored.
 */
#ifndef CPASSPORT_ADMIN_H
#define CPASSPORT_ADMIN_H

#include <stddef.h>

#include "app/app.h"
#include "crypto/secret.h"

enum client_kind {
	CLIENT_AUTH_CODE = 0,	/* default: authorization_code + refresh */
	CLIENT_PASSWORD,	/* --password */
	CLIENT_PERSONAL,	/* --personal */
	CLIENT_CREDENTIALS,	/* --client */
	CLIENT_KIND__MAX
};

struct client_spec {
	const char	 *name;
	const char	 *user_id;	/* owner, or NULL */
	enum client_kind  kind;
	int		  is_public;	/* no secret (--public) */
	int		  first_party;
	int		  resource_server;	/* RFC 7662 §2.1: sees all */
	const char	 *redirects[8];
	size_t		  nredirects;
	/* RP-Initiated Logout 1.0 §3 (--post-logout-redirect) */
	const char	 *post_logout[8];
	size_t		  npost_logout;
	const char	 *scopes;	/* space/comma list; NULL: "*" */
	int		  openid;	/* --openid: scopes gets openid too */
	const char	 *id_token_alg;	/* RS256 (NULL), ES256 or EdDSA */
	int		  require_nonce;	/* Core §3.1.2.1 */
	/* --no-remember-consent: the consent screen asks every time */
	int		  no_remember_consent;
};

/* On success id and (unless public) secret are filled. */
int	admin_client_create(struct app *, const struct client_spec *,
	    char id[UUID_TEXT_LEN + 1], char secret[SECRET_TEXT_LEN + 1],
	    char *err, size_t errlen);
int	admin_client_revoke(struct app *, const char *id, char *err,
	    size_t errlen);
/*
 * The client's whole registration, never its secret, into the arena
 * (`client show`).
 */
struct client_show_row;
int	admin_client_show(struct app *, struct arena *, const char *id,
	    struct client_show_row *, char *err, size_t errlen);
/*
 * Register the client as a resource server (on: it may introspect every
 * access token, RFC 7662 §2.1) or drop that; a public client cannot be.
 */
int	admin_client_resource_server(struct app *, const char *id, int on,
	    char *err, size_t errlen);

/*
 * Replace the client's post-logout redirect URIs with uris[0..n) (none:
 * n = 0), each valid by the redirect URI rules (RFC 6749 §3.1.2).
 */
int	admin_client_post_logout(struct app *, const char *id,
	    const char *const *uris, size_t n, char *err, size_t errlen);

/* scopes: comma or space list, "*" for all; NULL for none. */
int	admin_user_add(struct app *, const char *email, const char *name,
	    const char *scopes, const char *password, char **id_out,
	    char *err, size_t errlen);
/* The new password also ends the user's sessions and tokens, not PATs. */
int	admin_user_passwd(struct app *, const char *id, const char *password,
	    char *err, size_t errlen);
/* End every session and token of the user, PATs included; c filled. */
struct user_revoke_counts;
int	admin_user_revoke(struct app *, const char *id,
	    struct user_revoke_counts *c, char *err, size_t errlen);

int	admin_scope_add(struct app *, const char *name,
	    const char *description, char *err, size_t errlen);

/*
 * A personal access token for the user from the newest personal access
 * client (`cpassport client --personal`), valid for
 * personal_access_token_lifetime; scopes as admin_user_add() takes them
 * (NULL: the config's default_scope), narrowed to what the user holds.
 * *jwt_out (caller frees) is the token, shown once.  Needs app->keys.
 */
int	admin_token_create(struct app *, const char *user_id,
	    const char *name, const char *scopes, char **jwt_out,
	    char jti[UUID_TEXT_LEN + 1], char *err, size_t errlen);
int	admin_token_revoke(struct app *, const char *jti, char *err,
	    size_t errlen);

/* Purge what db_purge() and keyset_purge() remove; prints nothing. */
struct purge_counts;
int	admin_purge(struct app *, int what, struct purge_counts *,
	    int *keys_removed, char *err, size_t errlen);

/* A database failure as an operator message. */
void	admin_db_error(struct app *, enum db_status, char *err,
	    size_t errlen);

#endif
