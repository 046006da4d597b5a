/*
 * Helpers of the tests of what a token is worth after it was issued:
 * introspection (RFC 7662), revocation (RFC 7009), the protected
 * resource /api/user (RFC 6750) and the keys that sign it (RFC 7517).
 * Setup failures bail out as ep.c does.
 */
#ifndef CPASSPORT_RESOURCE_LIB_H
#define CPASSPORT_RESOURCE_LIB_H

#include "ep.h"
#include "crypto/keys.h"

#define RL_TOKEN_MAX	4096

/*
 * What revoke-introspect.sh set up: scope read, Ivy (i@example.com,
 * password pw, scope read), App (password grant), Resource server
 * (client_credentials, a resource server) and Public app.
 */
struct rl_world {
	char	ivy[64];
	char	app_id[UUID_TEXT_LEN + 1], app_secret[SECRET_TEXT_LEN + 1];
	char	rs_id[UUID_TEXT_LEN + 1], rs_secret[SECRET_TEXT_LEN + 1];
	char	pub_id[UUID_TEXT_LEN + 1];
	char	app_auth[1024], rs_auth[1024];	/* their Basic headers */
};

/*
 * What api-user.sh set up (the config's user_endpoint_scope = profile):
 * scopes profile and other, Ann (a@example.com, named 'Ann "A" Lee',
 * password pw, both scopes) and App (password grant).
 */
struct rl_ann {
	char	ann[64];
	char	app_id[UUID_TEXT_LEN + 1], app_secret[SECRET_TEXT_LEN + 1];
};

#define RL_ANN_CONFIG	"user_endpoint_scope = profile"

struct rl_tokens {
	char	access[RL_TOKEN_MAX];
	char	refresh[RL_TOKEN_MAX];
};

void		 rl_world(struct ep *, struct rl_world *);
/* rl_login() of Ivy at App with scope read. */
void		 rl_ivy(struct ep *, const struct rl_world *,
		    struct rl_tokens *);

void		 rl_ann_world(struct ep *, struct rl_ann *);
/* An access token of Ann's with scope, in a static buffer. */
const char	*rl_ann_token(struct ep *, const struct rl_ann *,
		    const char *scope);

/*
 * A signing key of the test's own, of the type, in a fresh temp dir:
 * k->line is the config line for ep_start() (signing_key = …).
 * rl_key_remove() removes it and what rotation kept beside it.
 */
struct rl_key {
	char	dir[64];
	char	path[96];
	char	line[128];
};
void		 rl_key(struct rl_key *, enum key_type);
void		 rl_key_remove(struct rl_key *);
/* The kid in a JWT's header, and its alg, in static buffers. */
const char	*rl_jwt_kid(const char *jwt);
const char	*rl_jwt_alg(const char *jwt);

/*
 * The password grant for user (password "pw") at the client, scope
 * (NULL: none asked); the tokens in *out.  Bails out unless 200.
 */
void		 rl_login(struct ep *, const char *id, const char *secret,
		    const char *user, const char *scope, struct rl_tokens *out);
/* The refresh grant; the new tokens in *out.  Returns the status. */
int		 rl_refresh(struct ep *, const char *id, const char *secret,
		    const char *refresh, struct rl_tokens *out);
/*
 * POST to introspect.fcgi or revoke.fcgi at its path with
 * "token=<token>" (NULL: no token) and the form's extra "&k=v" (or NULL);
 * authorization as ep_basic() gives it, or NULL.  Returns the status.
 */
int		 rl_introspect(struct ep *, const char *authorization,
		    const char *token, const char *extra);
int		 rl_revoke(struct ep *, const char *authorization,
		    const char *token, const char *extra);
/* GET /api/user with "Authorization: Bearer <token>"; the status. */
int		 rl_user(struct ep *, const char *token);
/*
 * "status:v1:v2…" of the last response, each v the JSON value at a
 * dotted path (or header "H:Name"), "(none)" when absent; the paths a
 * NULL-terminated list.  In a static buffer.
 */
const char	*rl_answer(struct ep *, ...) __attribute__((sentinel));
/*
 * 1 when got equals want (both may be NULL); else 0 and a "# what: got
 * …, want …" comment: one part of a check that is one TAP line.
 */
int		 rl_eq(const char *got, const char *want, const char *what);
/* s form-encoded: RFC 3986 unreserved as is, the rest %XX; static. */
const char	*rl_enc(const char *);

#endif
