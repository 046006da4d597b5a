/* The oauth_access_tokens and oauth_refresh_tokens tables. */
#ifndef CPASSPORT_DB_TOKEN_H
#define CPASSPORT_DB_TOKEN_H

#include <time.h>

#include "store/db.h"

struct token_row {
	const char	*jti;		/* access token id (uuid) */
	const char	*user_id;	/* NULL: no user */
	const char	*client_id;
	const char	*name;		/* personal access token name, or NULL */
	const char	*scopes;	/* space-separated */
	time_t		 iat;
	time_t		 exp;
	const char	*auth_code_hash;/* the code it came from, or NULL */
	const char	*refresh_hash;	/* SHA-256 hex; NULL: no refresh token */
	const char	*refresh_scopes;/* as first granted; NULL: scopes */
	time_t		 refresh_exp;
	/*
	 * The refresh token's OpenID context, for the id_tokens of its
	 * refreshes (Core §12.2): auth_time (0), sid and amr (NULL) when
	 * the grant had no openid.
	 */
	time_t		 auth_time;
	const char	*sid;
	const char	*amr;
};

/*
 * Store an access token and, when refresh_hash is set, its refresh token
 * (a new rotation family named after the access token) in one statement.
 */
enum db_status	db_token_insert(struct db *, const struct token_row *);

/*
 * Store an access token (no refresh token) only if its client is live and
 * still the row whose xmin is version, and its owner (t->user_id) the row
 * whose xmin is owner_version ("" when none): *inserted = 0 when not.
 */
enum db_status	db_token_insert_current(struct db *, const struct token_row *,
		    const char *version, const char *owner_version,
		    int *inserted);

/* A refresh token as db_token_refresh_lock() finds it. */
struct refresh_row {
	char		*family_id;
	char		*client_id;
	char		*user_id;	/* NULL: none */
	char		*scopes;	/* as first granted */
	int		 used;		/* rotated away already */
	int		 revoked;
	int		 expired;
	int		 user_revoked;
	char		*user_scopes;	/* the user's held scopes now */
	int		 just_rotated;	/* used less than grace seconds ago,
					   nothing in its family revoked */
	time_t		 auth_time;	/* 0: no OpenID context */
	char		*sid;		/* NULL: none */
	char		*amr;		/* NULL: none */
};

/*
 * Inside a transaction: find the refresh token by its hash and lock its
 * row (FOR UPDATE), so two concurrent refreshes serialise: the second
 * waits for the first to commit and then finds the token used.  grace
 * (seconds, 0: none) sets just_rotated.  *found = 0 when unknown.  The
 * row is in the arena.
 */
enum db_status	db_token_refresh_lock(struct arena *, struct db *,
		    const char *hash_hex, long grace, struct refresh_row *,
		    int *found);

/*
 * Rotate: mark the refresh token old_hash used and insert t (access and
 * refresh rows) in its family, in one statement.  *rotated = 0 when the
 * old token was used or revoked meanwhile.
 */
enum db_status	db_token_rotate(struct db *, const char *old_hash,
		    const struct token_row *t, int *rotated);

/* Revoke a whole family: its refresh tokens and the access tokens they
 * came with (RFC 6749 §10.4, OAuth 2.1 §6.1 reuse detection). */
enum db_status	db_token_revoke_family(struct db *, const char *family_id);

/* What the database says of a live access token. */
struct access_row {
	char	*user_id;	/* NULL: no user (client credentials) */
	char	*user_name;
	char	*user_email;
};

/*
 * *active = 1 when the access token jti exists, is neither revoked nor
 * expired, and neither its client nor its user is revoked; then the
 * row is filled, into the arena.
 */
enum db_status	db_token_access_find(struct arena *, struct db *,
		    const char *jti, struct access_row *, int *active);
/*
 * db_token_access_find, confirming in the same statement that the client
 * client_id is still the row whose xmin was version and is not revoked:
 * *current = 0 when it is not (then *active says nothing).
 */
enum db_status	db_token_access_find_for(struct arena *, struct db *,
		    const char *jti,
		    const char *client_id, const char *version,
		    struct access_row *, int *active, int *current);

/*
 * Revoke an access token and the refresh tokens issued with it; *found
 * (when not NULL) = 0 when no such token.
 */
enum db_status	db_token_revoke_access(struct db *, const char *jti,
		    int *found);
/* A personal access token as the CLI lists it. */
struct personal_token_row {
	char	*jti;
	char	*name;
	char	*scopes;	/* comma-separated */
	char	*created;	/* YYYY-MM-DD HH24:MI */
	char	*expires;
	int	 revoked;
};

struct personal_token_rows {
	struct personal_token_row	*v;
	size_t				 n;
};

/* A user's personal access tokens, oldest first, into the arena. */
enum db_status	db_token_personal_list(struct arena *, struct db *,
		    const char *user_id, struct personal_token_rows *);

/* A refresh token as revocation and introspection see it. */
struct refresh_info {
	char		*family_id;
	char		*client_id;
	char		*user_id;	/* NULL: none */
	char		*user_email;
	char		*scopes;
	long long	 iat, exp;
	int		 active;	/* unused, unrevoked, unexpired, client and
					   user not revoked */
};

/* Into the arena; *found = 0 when unknown. */
enum db_status	db_token_refresh_find(struct arena *, struct db *,
		    const char *hash_hex, struct refresh_info *, int *found);

#endif
