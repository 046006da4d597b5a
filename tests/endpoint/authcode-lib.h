/*
 * A browser for the authorization endpoint tests (authorize.fcgi in
 * process): a cookie jar fed by Set-Cookie, GET and POST with it, the
 * hidden fields of the last page, the query parameters of its Location,
 * and the login -> consent -> code steps through the forms, as a
 * browser goes through them.
 */
#ifndef CPASSPORT_AUTHCODE_LIB_H
#define CPASSPORT_AUTHCODE_LIB_H

#include "ep.h"

#define AC_COOKIES	4

struct ac_jar {
	char	name[AC_COOKIES][64];
	char	value[AC_COOKIES][512];
};

/* Forgets every cookie. */
void		 ac_jar_clear(struct ac_jar *);
/* The jar's value of a cookie, or NULL. */
const char	*ac_cookie(const struct ac_jar *, const char *name);

/*
 * method target [body] through the program, with the jar's cookies
 * (jar NULL: none sent, none kept); target is path?query, or an
 * absolute URI whose path?query is used.  Returns the
 * status; the response stays in t as ep_call() leaves it.
 */
int		 ac_send(struct ep *, enum ep_program, struct ac_jar *,
		    const char *method, const char *target, const char *body);
/* GET and POST of authorize.fcgi. */
int		 ac_get(struct ep *, struct ac_jar *, const char *target);
int		 ac_post(struct ep *, struct ac_jar *, const char *target,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * A hidden input's value in the last page, unescaped, or "" (in one of
 * a few static buffers, reused in turn).
 */
const char	*ac_field(const struct ep *, const char *name);
/* s percent-encoded for a form or query (rotating static buffers). */
const char	*ac_enc(const char *s);
/* 1 when a and b are both NULL or the same string. */
int		 ac_eq(const char *a, const char *b);
/* 1 when the last body contains s. */
int		 ac_has(const struct ep *, const char *s);
/* The last response's Set-Cookie for that cookie name, or NULL. */
const char	*ac_set_cookie(const struct ep *, const char *name);
/* A query parameter of the Location, decoded, or NULL (static buffer). */
const char	*ac_loc_param(const struct ep *, const char *name);

/* A fresh jar signed in through the login form for ?query; status. */
int		 ac_login(struct ep *, struct ac_jar *, const char *email,
		    const char *password, const char *query);
/* On a consent page: approve (action) with its request and CSRF token. */
int		 ac_consent(struct ep *, struct ac_jar *, const char *action);
/*
 * Signed in: GET ?query and approve, unless the GET answered the code
 * (first party, consent remembered); the code (static) or NULL.
 */
const char	*ac_code(struct ep *, struct ac_jar *, const char *query);

/* A PKCE verifier (43 characters) and its S256 challenge. */
void		 ac_pkce(char verifier[44], char challenge[44]);

/*
 * The world of the code flow tests: scopes read and write ("Read or
 * write read things"), alice (read, write; "pw one"), bob (read; "pw
 * two"), the web app (AC_CB and https://app.example/other?x=1), a
 * single-URI client and another confidential one (AC_CB), a public one
 * (com.example.app:/cb), a public one at AC_CB, and a first-party one
 * (AC_CB); the config allow_plain_http and default_scope = read, then
 * extra.
 */
#define AC_CB	"https://app.example/cb"

struct ac_world {
	char	cid[UUID_TEXT_LEN + 1], csecret[SECRET_TEXT_LEN + 1];
	char	single_id[UUID_TEXT_LEN + 1];
	char	single_secret[SECRET_TEXT_LEN + 1];
	char	other_id[UUID_TEXT_LEN + 1];
	char	other_secret[SECRET_TEXT_LEN + 1];
	char	pub_id[UUID_TEXT_LEN + 1], pub_secret[SECRET_TEXT_LEN + 1];
	char	pubcb_id[UUID_TEXT_LEN + 1];
	char	pubcb_secret[SECRET_TEXT_LEN + 1];
	char	fp_id[UUID_TEXT_LEN + 1], fp_secret[SECRET_TEXT_LEN + 1];
	char	alice[64], bob[64];
	char	q[512];		/* the web app's code request, state s-123 */
	char	target[600];	/* /oauth/authorize?q */
};

void		 ac_world(struct ep *, struct ac_world *, const char *extra);
/*
 * GET /oauth/authorize?response_type=code&client_id=<the first-party
 * client> followed by fmt's text ("&state=x&prompt=none"), with the jar
 * (NULL: no cookie); the status.
 */
int		 ac_fp_get(struct ep *, const struct ac_world *,
		    struct ac_jar *, const char *fmt, ...)
		    __attribute__((format(printf, 4, 5)));
/* The web app exchanges code at the token endpoint, + more (or ""). */
int		 ac_exchange(struct ep *, const struct ac_world *,
		    const char *code, const char *more);
/* GET /api/user (user.fcgi) with the bearer token; the status. */
int		 ac_api_user(struct ep *, const char *token);
/*
 * Another client presents the web app's code: the other confidential
 * client with its secret, or the public one at AC_CB (client_id and a
 * code_verifier, no secret); the status.
 */
int		 ac_as_other(struct ep *, const struct ac_world *,
		    const char *code);
int		 ac_as_public(struct ep *, const struct ac_world *,
		    const char *code);
/* The code's row: "t" when neither used nor revoked ("" for none). */
const char	*ac_code_unused(struct ep *, const char *code);
/* ep_is() on "status:error" of the last response. */
int		 ac_is_error(const struct ep *, int status, const char *error,
		    const char *desc);

/*
 * The world of the redirect URI tests: the config allow_plain_http, scope
 * read, alice signed in (login_status) through the first of these public
 * clients: com.example.app:/oauth2redirect, myapp://callback,
 * https://a/cb?x=1, http://127.0.0.1/cb, http://[::1]:8080/cb,
 * http://127.0.0.1/cb?x=1 and http://localhost/cb.
 */
enum ac_rclient {
	AC_APP, AC_MYAPP, AC_QUERY, AC_LO4, AC_LO6, AC_LOQ, AC_LOCALHOST,
	AC_RCLIENTS
};

struct ac_rworld {
	char		id[AC_RCLIENTS][UUID_TEXT_LEN + 1];
	char		verifier[44], challenge[44];
	struct ac_jar	jar;
	int		login_status;
};

void		 ac_rworld(struct ep *, struct ac_rworld *);
/*
 * GET /oauth/authorize for the client and redirect (state s1, the S256
 * challenge) and, unless 0, the answer to the consent page (none when
 * the GET redirected: consent remembered, or an error); the Location
 * (copied, static) or NULL.
 */
const char	*ac_rauthorize(struct ep *, struct ac_rworld *,
		    enum ac_rclient, const char *redirect, const char *action);
/* The code exchanged as the public client with the verifier; status. */
int		 ac_rexchange(struct ep *, struct ac_rworld *,
		    enum ac_rclient, const char *redirect, const char *code);
/* 1 when the redirect is refused with a page, no redirect (§4.1.2.1). */
int		 ac_rrefused(struct ep *, struct ac_rworld *, enum ac_rclient,
		    const char *redirect);
/* The code of a Location, or "" (static). */
const char	*ac_code_of(const char *location);

/*
 * The world of the password change tests: the config allow_plain_http,
 * scope read, u@example.com ("old pw") and o@example.com ("other pw"), a
 * password client, a first-party client at https://app.example/cb and a
 * personal access client.  ac_everywhere() signs u in everywhere it can
 * be: a session (jar), an unused code, an access and refresh token pair,
 * a personal access token.
 */
struct ac_pworld {
	char		uid[64];
	char		pw_id[UUID_TEXT_LEN + 1];
	char		pw_secret[SECRET_TEXT_LEN + 1];
	char		fp_id[UUID_TEXT_LEN + 1];
	char		fp_secret[SECRET_TEXT_LEN + 1];
	char		aq[256];	/* the first-party code request */
	struct ac_jar	jar;
	char		code[512], at[4096], rt[512], pat[4096];
};

void		 ac_pworld(struct ep *, struct ac_pworld *);
void		 ac_everywhere(struct ep *, struct ac_pworld *,
		    const char *password);
/* The password grant for email; status, the tokens in at and rt. */
int		 ac_grant(struct ep *, struct ac_pworld *, const char *email,
		    const char *password);
/* The session still serves: the first-party request gets a code. */
int		 ac_session_alive(struct ep *, struct ac_pworld *);
/* The refresh token's and the code's use at the token endpoint; status. */
int		 ac_refresh(struct ep *, struct ac_pworld *, const char *rt);
int		 ac_exchange_fp(struct ep *, struct ac_pworld *,
		    const char *code);
/* RFC 7662 §2.2 "active" of the token, as the password client sees it. */
const char	*ac_introspect_active(struct ep *, struct ac_pworld *,
		    const char *token);

/*
 * The password grant of the throttle tests (password client id/secret
 * given): its status.
 */
int		 ac_password(struct ep *, const char *id, const char *secret,
		    const char *email, const char *password);

#endif
