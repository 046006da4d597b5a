/*
 * callback.fcgi's routes: GET /callback/start and GET /callback, and what
 * each does; its pages are callback_pages.c's, its exchange at the token
 * endpoint token_client.c's.  See callback_endpoint.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "app/app.h"
#include "app/callback_uri.h"
#include "base/arena.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "client/callback_endpoint.h"
#include "client/callback_pages.h"
#include "client/token_client.h"
#include "crypto/pkce.h"
#include "crypto/secret.h"
#include "http/oauth_error.h"
#include "parse/cookie.h"
#include "parse/form.h"

#define PATH_CALLBACK		"/callback"

/*
 * The cookie holding "<state>.<verifier>" between start and callback,
 * __Host- prefixed where it must be Secure (see cookie_secure()).
 */
#define COOKIE_NAME		"cpassport_callback"
#define COOKIE_HOST_NAME	"__Host-" COOKIE_NAME
#define COOKIE_ATTRS		"Path=/; HttpOnly; SameSite=Lax"
#define COOKIE_MAX_AGE		600	/* seconds */
#define COOKIE_MAX		200	/* bytes of its value */

#define LOCATION_MAX		2000	/* bytes of a Location we send */

/* The parameters of the redirect back, RFC 6749 §4.1.2 and §4.1.2.1. */
enum param {
	P_CODE,
	P_STATE,
	P_ERROR,
	P_ERROR_DESCRIPTION,
	P__MAX
};

static const struct form_param params[P__MAX] = {
	[P_CODE] = { "code", 1024 },
	[P_STATE] = { "state", 256 },
	[P_ERROR] = { "error", 256 },
	[P_ERROR_DESCRIPTION] = { "error_description", 1024 },
};

static int
configured(const struct config *cfg)
{
	return cfg->callback_client_id != NULL &&
	    cfg->callback_client_id[0] != '\0' &&
	    cfg->callback_client_secret != NULL &&
	    cfg->callback_client_secret[0] != '\0';
}

/*
 * 1 when the state cookie must be Secure: over TLS, and wherever plain
 * http is not allowed.  Its name then has the __Host- prefix (RFC 6265bis
 * §4.1.3.2: Secure, Path=/, no Domain), which neither a sibling host nor
 * a plain-http answer can set, so nobody plants a state of their own.
 */
static int
cookie_secure(const struct app *app, const struct http_request *req)
{
	return !app->cfg.allow_plain_http ||
	    (req->https != NULL && strcasecmp(req->https, "on") == 0);
}

static const char *
cookie_name(const struct app *app, const struct http_request *req)
{
	return cookie_secure(app, req) ? COOKIE_HOST_NAME : COOKIE_NAME;
}

/* Set-Cookie; max_age 0 clears it (RFC 6265 §5.2.2). */
static void
set_cookie(const struct app *app, const struct http_request *req,
    struct http_response *r, const char *value, int max_age)
{
	http_resp_header(r, "Set-Cookie", "%s=%s; %s" COOKIE_ATTRS
	    "; Max-Age=%d", cookie_name(app, req), value,
	    cookie_secure(app, req) ? "Secure; " : "", max_age);
}

/*
 * base with the query k=v&… appended by libcurl's URL API (each pair
 * form-urlencoded); pairs with a NULL value are left out.  Returns a
 * fresh string (caller frees) or NULL when base is not a URL.
 */
static char *
url_with_query(const char *base, const char *const kv[][2], size_t n)
{
	CURLU	*u;
	char	*pair, *out = NULL, *s = NULL;
	size_t	 i;

	if ((u = curl_url()) == NULL)
		return NULL;
	if (curl_url_set(u, CURLUPART_URL, base, 0) != CURLUE_OK)
		goto done;
	for (i = 0; i < n; i++) {
		if (kv[i][1] == NULL)
			continue;
		pair = xasprintf("%s=%s", kv[i][0], kv[i][1]);
		if (curl_url_set(u, CURLUPART_QUERY, pair,
		    CURLU_APPENDQUERY | CURLU_URLENCODE) != CURLUE_OK) {
			free(pair);
			goto done;
		}
		free(pair);
	}
	if (curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK)
		out = xstrdup(s);
done:
	curl_free(s);
	curl_url_cleanup(u);
	return out;
}

/* GET /callback/start: state and PKCE verifier in a cookie, then 302. */
static void
start(struct app *app, const struct http_request *req,
    struct http_response *resp)
{
	const struct config	*cfg = &app->cfg;
	/* In the arena, which wipes them. */
	char			*state = arena_alloc(req->arena,
				    SECRET_TEXT_LEN + 1);
	char			*verifier = arena_alloc(req->arena,
				    SECRET_TEXT_LEN + 1);
	char			*redirect, *authz, *challenge = NULL;
	char			*url = NULL;

	if (!configured(cfg)) {
		log_warnx("%s: callback_client_id/callback_client_secret "
		    "not configured", __func__);
		page_error(resp, PAGE_CB_NOT_CONFIGURED);
		return;
	}
	redirect = callback_uri_redirect(req->arena, cfg);
	authz = arena_printf(req->arena, "%s/oauth/authorize",
	    callback_uri_issuer(req->arena, cfg));
	if (secret_new(state) == -1 || secret_new(verifier) == -1 ||
	    !pkce_syntax_valid(verifier) ||
	    (challenge = pkce_s256(verifier)) == NULL) {
		log_warnx("%s: no random state or verifier", __func__);
		page_error(resp, PAGE_CB_SERVER_ERROR);
		goto done;
	}
	{
		/* RFC 6749 §4.1.1, RFC 7636 §4.3. */
		const char *const q[][2] = {
			{ "response_type", "code" },
			{ "client_id", cfg->callback_client_id },
			{ "redirect_uri", redirect },
			{ "scope", cfg->callback_scope },
			{ "state", state },
			{ "code_challenge", challenge },
			{ "code_challenge_method", "S256" },
		};

		url = url_with_query(authz, q, sizeof(q) / sizeof(q[0]));
	}
	if (url == NULL || strlen(url) > LOCATION_MAX) {
		log_warnx("%s: cannot make the authorization URL from the "
		    "issuer and callback_* settings", __func__);
		page_error(resp, PAGE_CB_SERVER_ERROR);
		goto done;
	}
	callback_page_redirect(resp, url);
	set_cookie(app, req, resp, arena_printf(req->arena, "%s.%s", state,
	    verifier), COOKIE_MAX_AGE);
done:
	free(challenge);
	free(url);
}

/*
 * RFC 6749 §10.12: an answer is used only by the browser that asked for
 * it, at /callback/start, whose cookie holds the state and the verifier.
 * Without the cookie nothing is exchanged: a code in the URL of another
 * browser (an attacker's own, sent to a victim) would sign the victim in
 * to the attacker's account.  Returns 0 with *verifier (inside *cookie),
 * or -1 with the page in *p.  *cookie is in the request's arena.
 */
static int
check_state(const struct app *app, const struct http_request *req,
    const char *state, char **cookie, const char **verifier,
    enum error_page *p)
{
	const char	*name = cookie_name(app, req);
	char		*dot;
	size_t		 n;

	*verifier = NULL;
	if ((*cookie = cookie_get(req->arena, req->cookie, name,
	    COOKIE_MAX)) == NULL) {
		/* Refused by cookie_get() (twice, malformed), or absent. */
		*p = req->cookie != NULL && strstr(req->cookie, name) != NULL ?
		    PAGE_CB_BAD_COOKIE : PAGE_CB_NOT_STARTED;
		return -1;
	}
	if ((dot = strchr(*cookie, '.')) == NULL || dot == *cookie ||
	    !pkce_syntax_valid(dot + 1)) {
		*p = PAGE_CB_BAD_COOKIE;
		return -1;
	}
	n = (size_t)(dot - *cookie);
	if (state == NULL || strlen(state) != n ||
	    !secret_equal_len(state, *cookie, n)) {
		*p = PAGE_CB_STATE_MISMATCH;
		return -1;
	}
	*verifier = dot + 1;
	return 0;
}

/* 1 when the request asks for JSON (an API client, not a browser). */
static int
wants_json(const struct http_request *req)
{
	return req->accept != NULL &&
	    strstr(req->accept, "application/json") != NULL;
}

/* Turn the token endpoint's answer into our response. */
static void
answer(const struct app *app, const struct http_request *req,
    struct http_response *resp, const char *issuer, long status,
    const struct token_answer *a)
{
	const char	*err = a->error;

	if (status == 200 && a->access_token != NULL &&
	    *a->access_token != '\0') {
		if (wants_json(req))
			oauth_json_write(resp, a->json);
		else
			callback_page_tokens(resp, issuer, a);
		return;
	}
	if (status >= 400 && status < 500 && err != NULL) {
		log_warnx("%s: client %s: token endpoint answered %ld %s",
		    __func__, app->cfg.callback_client_id, status,
		    callback_error_code_valid(err) ? err : "(bad error code)");
		callback_page_error(resp, PAGE_CB_TOKEN_ERROR, err,
		    a->error_description);
		return;
	}
	log_warnx("%s: client %s: token endpoint answered %ld without %s",
	    __func__, app->cfg.callback_client_id, status,
	    status == 200 ? "an access_token" : "an error object");
	page_error(resp, PAGE_CB_BAD_ANSWER);
}

/*
 * RFC 6749 §4.1.3: exchange the code with the verifier (RFC 7636 §4.5),
 * §5.1/§5.2: answer with what the token endpoint said.
 */
static void
exchange(struct app *app, const struct http_request *req,
    struct http_response *resp, const char *code, const char *verifier)
{
	const struct config	*cfg = &app->cfg;
	struct token_answer	 a;
	const char		*endpoint;
	char			*issuer, *redirect;
	long			 status;

	issuer = callback_uri_issuer(req->arena, cfg);
	redirect = callback_uri_redirect(req->arena, cfg);
	endpoint = cfg->callback_token_endpoint != NULL ?
	    cfg->callback_token_endpoint :
	    arena_printf(req->arena, "%s/oauth/token", issuer);
	switch (token_exchange(cfg, endpoint, code, redirect, verifier,
	    &status, &a)) {
	case TOKEN_ANSWERED:
		answer(app, req, resp, issuer, status, &a);
		break;
	case TOKEN_NO_CLIENT:
		page_error(resp, PAGE_CB_SERVER_ERROR);
		break;
	case TOKEN_UNREACHABLE:
		page_error(resp, PAGE_CB_UNREACHABLE);
		break;
	case TOKEN_TOO_LARGE:
		page_error(resp, PAGE_CB_BAD_ANSWER);
		break;
	}
	token_answer_free(&a);
}

/* GET /callback: RFC 6749 §4.1.2 (code) or §4.1.2.1 (error). */
static void
finish(struct app *app, const struct http_request *req,
    struct http_response *resp)
{
	struct form_value	 v[P__MAX];
	char			*cookie = NULL;
	const char		*verifier;
	enum error_page		 p;

	if (form_parse(req->arena, req->query, strlen(req->query), params,
	    P__MAX, v, NULL) != FORM_OK) {
		page_error(resp, PAGE_CB_MALFORMED);
		return;
	}
	if (check_state(app, req, v[P_STATE].s, &cookie, &verifier,
	    &p) == -1) {
		log_warnx("%s: client %s: %s", __func__,
		    app->cfg.callback_client_id != NULL ?
		    app->cfg.callback_client_id : "(none)",
		    p == PAGE_CB_NOT_STARTED ?
		    "no state cookie: not started here" :
		    p == PAGE_CB_BAD_COOKIE ? "unreadable state cookie" :
		    "state mismatch");
		page_error(resp, p);
	} else if (v[P_ERROR].s != NULL)
		callback_page_error(resp, PAGE_CB_REFUSED, v[P_ERROR].s,
		    v[P_ERROR_DESCRIPTION].s);
	else if (v[P_CODE].s == NULL || v[P_CODE].len == 0)
		page_error(resp, PAGE_CB_NO_CODE);
	else if (!configured(&app->cfg)) {
		log_warnx("%s: callback_client_id/callback_client_secret "
		    "not configured", __func__);
		page_error(resp, PAGE_CB_NOT_CONFIGURED);
	} else
		exchange(app, req, resp, v[P_CODE].s, verifier);
}

static void
log_client(const struct app *app, struct http_response *resp)
{
	if (app->cfg.callback_client_id != NULL)
		snprintf(resp->log_client, sizeof(resp->log_client), "%s",
		    app->cfg.callback_client_id);
}

static void
at_start(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	log_client(ctx, resp);
	start(ctx, req, resp);
}

static void
at_callback(void *ctx, const struct http_request *req,
    struct http_response *resp)
{
	log_client(ctx, resp);
	/* The cookie serves one answer at /callback, whatever it is. */
	set_cookie(ctx, req, resp, "", 0);
	finish(ctx, req, resp);
}

/* Every other path or method: the pages of this program. */
static void
not_routed(void *ctx, const struct http_request *req,
    struct http_response *resp, int status)
{
	if (status == 404) {
		page_error(resp, PAGE_CB_NOT_FOUND);
		return;
	}
	log_client(ctx, resp);
	if (route_path_is(req->uri, PATH_CALLBACK))
		set_cookie(ctx, req, resp, "", 0);
	page_error(resp, PAGE_CB_METHOD);
}

static const struct route routes[] = {
	{ CALLBACK_START_PATH, ROUTE_GET, at_start },
	{ PATH_CALLBACK, ROUTE_GET, at_callback },
};

const struct router callback_router = {
	routes, sizeof(routes) / sizeof(routes[0]), not_routed
};
