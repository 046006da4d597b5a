/* The oauth_clients table. */
#ifndef CPASSPORT_DB_CLIENT_H
#define CPASSPORT_DB_CLIENT_H

#include "parse/scope.h"
#include "store/db.h"

struct client {
	char		 id[37];
	char		*name;
	char		*secret_hex;	/* SHA-256 hex; NULL: public client */
	char		*user_id;	/* owner; NULL when none */
	char		*redirect_uris;	/* space-separated */
	unsigned	 grants;	/* 1 << enum grant */
	struct scope_set scopes;	/* may ask for */
	struct scope_set owner_scopes;	/* the owner's held scopes */
	int		 owner_revoked;
	int		 first_party;
	int		 revoked;
	int		 resource_server;	/* sees others' access tokens */
	/*
	 * OpenID Connect registration (Dynamic Client Registration §2):
	 * the id_token's JOSE "alg" ("RS256", "ES256" or "EdDSA"), whether
	 * an openid request must carry a nonce, the URIs RP-initiated
	 * logout may return to (space-separated), and whether consent once
	 * given is remembered.
	 */
	char		 id_token_alg[8];
	int		 require_nonce;
	char		*post_logout_redirect_uris;
	int		 remember_consent;
	/*
	 * The rows' xmin as read (any UPDATE changes it): a statement can
	 * insist that the client and its owner are still as they were.
	 * owner_version is "" when there is no owner.
	 */
	char		 version[11];
	char		 owner_version[11];
	int		 cached;	/* came from the client cache */
};

/*
 * The client and, when it has one, its owner's scopes and state, in one
 * query, into the arena.  *found = 0 when no row.
 */
enum db_status	db_client_find(struct arena *, struct db *, const char *id,
		    struct client *out, int *found);
/*
 * A deep copy of src into *dst, in the arena; with a NULL arena, one the
 * client cache owns and releases with db_client_free().
 */
void		db_client_copy(struct arena *, struct client *dst,
		    const struct client *src);
void		db_client_free(struct client *);

/* A client to insert, as the CLI checked it. */
struct client_new {
	const char	*name;
	const char	*user_id;	/* owner; NULL when none */
	const char	*secret_hex;	/* SHA-256 hex; NULL: public */
	const char	*grants;	/* space-separated */
	const char	*redirect_uris;	/* space-separated */
	const char	*post_logout_redirect_uris; /* space-separated */
	const char	*scopes;	/* space-separated */
	int		 first_party;
	int		 resource_server;
	const char	*id_token_alg;	/* "RS256", "ES256" or "EdDSA" */
	int		 require_nonce;
	int		 remember_consent;	/* skip consent approved before */
};

/* Insert a client.  Writes the new id to id_out. */
enum db_status	db_client_create(struct db *, const struct client_new *,
		    char id_out[37]);
/* Mark revoked; *found = 0 when no such client. */
enum db_status	db_client_revoke(struct db *, const char *id, int *found);
/*
 * RFC 7662 §2.1: register the client as a resource server (on) or not;
 * *found = 0 when no such client.  The schema refuses a public one.
 */
enum db_status	db_client_set_resource_server(struct db *, const char *id,
		    int on, int *found);
/*
 * Replace the client's post-logout redirect URIs (RP-Initiated Logout
 * 1.0 §3) with uris, space-separated ("" for none); *found = 0 when no
 * such client.
 */
enum db_status	db_client_set_post_logout(struct db *, const char *id,
		    const char *uris, int *found);
/* A client as the CLI lists it. */
struct client_list_row {
	char	*id;
	char	*name;
	char	*grants;	/* comma-separated */
	char	*owner;		/* the owner's id, or "-" */
	int	 revoked;
	int	 resource_server;
};

struct client_rows {
	struct client_list_row	*v;
	size_t			 n;
};

/* A client's whole registration as `client show` prints it (no secret). */
struct client_show_row {
	char	*id;
	char	*name;
	char	*owner;		/* the owner's id, or "" */
	int	 confidential;	/* has a secret */
	char	*grants;	/* space-separated */
	char	*redirect_uris;	/* space-separated */
	char	*post_logout_redirect_uris;	/* space-separated */
	char	*scopes;	/* space-separated */
	int	 first_party;
	int	 resource_server;
	char	*id_token_alg;
	int	 require_nonce;
	int	 remember_consent;
	int	 revoked;
	char	*created;	/* YYYY-MM-DD HH24:MI:SS UTC */
	char	*updated;
};

/* The client's registration into the arena; *found = 0 when none. */
enum db_status	db_client_show(struct arena *, struct db *, const char *id,
		    struct client_show_row *, int *found);
/* Every client, oldest first, into the arena. */
enum db_status	db_client_list(struct arena *, struct db *,
		    struct client_rows *);
/* The newest live personal access client's id into id_out; *found. */
enum db_status	db_client_personal(struct db *, char id_out[37], int *found);

#endif
