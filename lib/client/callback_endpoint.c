/* callback.fcgi: GET /callback/start and GET /callback; see callback_endpoint.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>
#include <json-c/json.h>

#include "app/app.h"
#include "app/callback_uri.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "client/callback_endpoint.h"
#include "crypto/pkce.h"
#include "crypto/secret.h"
#include "http/html.h"
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

#define TOKEN_MAX_RESPONSE	(64 * 1024)	/* bytes of the token answer */
#define TOKEN_TIMEOUT		10L		/* seconds, whole exchange */
#define TOKEN_CONNECT_TIMEOUT	5L		/* seconds */
#define TOKEN_JSON_DEPTH	16
#define ERROR_CODE_MAX		64	/* an error code shown: [a-z_]{1,64} */
#define ERROR_DESC_SHOWN	512	/* bytes of an error_description shown */
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

/* The token endpoint's answer, bounded by TOKEN_MAX_RESPONSE. */
struct answer {
	char	*p;
	size_t	 len;
	int	 too_large;
};

/* 1 for an error code we show: [a-z_]{1,64} (RFC 6749 §4.1.2.1, §5.2). */
static int
error_code_valid(const char *s)
{
	size_t	n = strlen(s);

	return n > 0 && n <= ERROR_CODE_MAX &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz_") == n;
}

/*
 * An error page of the table (html.h) with what the answer carried:
 * code is shown only when error_code_valid(); desc is cut to
 * ERROR_DESC_SHOWN bytes and escaped.  Both may be NULL.
 */
static void
page_answer(struct http_response *r, enum error_page p, const char *code,
    const char *desc)
{
	char	*detail, *s, *e;
	size_t	 n;

	if (code != NULL && error_code_valid(code))
		detail = xasprintf("<p>Error: <code id=\"error\">%s</code></p>",
		    code);
	else
		detail = xstrdup("");
	if (desc != NULL && *desc != '\0') {
		/* Cut on a UTF-8 boundary. */
		if ((n = strlen(desc)) > ERROR_DESC_SHOWN) {
			n = ERROR_DESC_SHOWN;
			while (n > 0 && ((unsigned char)desc[n] & 0xc0) == 0x80)
				n--;
		}
		s = xstrndup(desc, n);
		e = html_escape(s);
		free(s);
		s = xasprintf("%s<p>Description: <span id=\"error_description\">"
		    "%s</span></p>", detail, e);
		free(e);
		free(detail);
		detail = s;
	}
	page_error_with(r, p, NULL, detail);
	free(detail);
}

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
	char			 state[SECRET_TEXT_LEN + 1];
	char			 verifier[SECRET_TEXT_LEN + 1];
	char			*issuer, *authz, *redirect, *challenge = NULL;
	char			*url = NULL, *cookie, *href, *body;

	if (!configured(cfg)) {
		log_warnx("%s: callback_client_id/callback_client_secret "
		    "not configured", __func__);
		page_error(resp, PAGE_CB_NOT_CONFIGURED);
		return;
	}
	issuer = callback_uri_issuer(cfg);
	redirect = callback_uri_redirect(cfg);
	authz = xasprintf("%s/oauth/authorize", issuer);
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
	href = html_escape(url);
	body = xasprintf("<h1>Redirecting</h1><p>Continue to <a href=\"%s\">"
	    "the authorization server</a>.</p>", href);
	html_page(resp, 302, "Redirecting", body);
	free(body);
	free(href);
	http_resp_header(resp, "Location", "%s", url);
	cookie = xasprintf("%s.%s", state, verifier);
	set_cookie(app, req, resp, cookie, COOKIE_MAX_AGE);
	explicit_bzero(cookie, strlen(cookie));
	free(cookie);
done:
	explicit_bzero(state, sizeof(state));
	explicit_bzero(verifier, sizeof(verifier));
	free(challenge);
	free(url);
	free(authz);
	free(redirect);
	free(issuer);
}

/*
 * RFC 6749 §10.12: an answer is used only by the browser that asked for
 * it, at /callback/start, whose cookie holds the state and the verifier.
 * Without the cookie nothing is exchanged: a code in the URL of another
 * browser (an attacker's own, sent to a victim) would sign the victim in
 * to the attacker's account.  Returns 0 with *verifier (inside *cookie),
 * or -1 with the page in *p.  *cookie is the caller's to free.
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
	if ((*cookie = cookie_get(req->cookie, name, COOKIE_MAX)) == NULL) {
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

/* The process's one easy handle, made on first use (and curl with it). */
static CURL *
curl_handle(void)
{
	static CURL	*curl;
	static int	 inited;

	if (!inited) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
			return NULL;
		inited = 1;
	}
	if (curl == NULL)
		curl = curl_easy_init();
	else
		curl_easy_reset(curl);
	return curl;
}

/* A fresh form-urlencoded copy of s (caller frees), or NULL. */
static char *
escape(CURL *c, const char *s)
{
	char	*e, *out;

	if ((e = curl_easy_escape(c, s, 0)) == NULL)
		return NULL;
	out = xstrdup(e);
	explicit_bzero(e, strlen(e));
	curl_free(e);
	return out;
}

static void
free_secret(char *s)
{
	if (s != NULL)
		explicit_bzero(s, strlen(s));
	free(s);
}

/* CURLOPT_WRITEFUNCTION: keep at most TOKEN_MAX_RESPONSE bytes. */
static size_t
on_data(char *p, size_t size, size_t nmemb, void *arg)
{
	struct answer	*a = arg;
	size_t		 n = size * nmemb;

	if (n > TOKEN_MAX_RESPONSE - a->len) {
		a->too_large = 1;
		return 0;	/* libcurl stops: CURLE_WRITE_ERROR */
	}
	a->p = xrealloc(a->p, a->len + n + 1);
	memcpy(a->p + a->len, p, n);
	a->len += n;
	a->p[a->len] = '\0';
	return n;
}

/*
 * POST fields to the token endpoint with HTTP Basic client
 * authentication, id and secret form-urlencoded first (RFC 6749 §2.3.1).
 * Fills *a and *status.  Returns the libcurl result.
 */
static CURLcode
post(CURL *c, const struct config *cfg, const char *endpoint,
    const char *fields, struct answer *a, long *status)
{
	struct curl_slist	*hdrs;
	char			*user, *pass;
	CURLcode		 rc = CURLE_OUT_OF_MEMORY;

	*status = 0;
	user = escape(c, cfg->callback_client_id);
	pass = escape(c, cfg->callback_client_secret);
	hdrs = curl_slist_append(NULL, "Accept: application/json");
	if (user == NULL || pass == NULL || hdrs == NULL)
		goto done;
	curl_easy_setopt(c, CURLOPT_URL, endpoint);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, TOKEN_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, TOKEN_CONNECT_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)TOKEN_MAX_RESPONSE);
	curl_easy_setopt(c, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
	curl_easy_setopt(c, CURLOPT_USERNAME, user);
	curl_easy_setopt(c, CURLOPT_PASSWORD, pass);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "cpassport-callback");
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, fields);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(fields));
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
	rc = curl_easy_perform(c);
	if (rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	/* Drop our pointers (fields, a, hdrs) from the kept handle. */
	curl_easy_reset(c);
done:
	curl_slist_free_all(hdrs);
	free_secret(user);
	free_secret(pass);
	return rc;
}

/* a[0..len) as one JSON object (whitespace around allowed), or NULL. */
static json_object *
parse_object(const char *p, size_t len)
{
	json_tokener	*tok;
	json_object	*o;
	size_t		 end;

	if (p == NULL || len == 0 || len > TOKEN_MAX_RESPONSE ||
	    (tok = json_tokener_new_ex(TOKEN_JSON_DEPTH)) == NULL)
		return NULL;
	o = json_tokener_parse_ex(tok, p, (int)len);
	end = json_tokener_get_parse_end(tok);
	if (o != NULL && (json_tokener_get_error(tok) != json_tokener_success ||
	    !json_object_is_type(o, json_type_object) ||
	    strspn(p + end, " \t\r\n") != len - end)) {
		json_object_put(o);
		o = NULL;
	}
	json_tokener_free(tok);
	return o;
}

/* The string, number or boolean member key of o; NULL otherwise. */
static const char *
member(json_object *o, const char *key)
{
	json_object	*v;

	if (!json_object_object_get_ex(o, key, &v) || v == NULL)
		return NULL;
	switch (json_object_get_type(v)) {
	case json_type_string:
	case json_type_int:
	case json_type_double:
	case json_type_boolean:
		return json_object_get_string(v);
	default:
		return NULL;
	}
}

/* member() html-escaped, "" when absent; caller frees. */
static char *
member_html(json_object *o, const char *key)
{
	const char	*s = member(o, key);

	return html_escape(s != NULL ? s : "");
}

/* The tokens page (RFC 6749 §5.1), ids read by the browser tests. */
static void
show_tokens(struct http_response *resp, const char *issuer, json_object *o)
{
	const char	*at = member(o, "access_token");
	char		*e_at, *e_rt, *e_tt, *e_ei, *e_sc, *e_is;
	char		*rt_html = NULL, *curl_html = NULL, *body;
	size_t		 n = strlen(at);

	e_at = member_html(o, "access_token");
	e_rt = member_html(o, "refresh_token");
	e_tt = member_html(o, "token_type");
	e_ei = member_html(o, "expires_in");
	e_sc = member_html(o, "scope");
	e_is = html_escape(issuer);
	if (*e_rt != '\0')
		rt_html = xasprintf("<h2>Refresh token</h2>"
		    "<pre id=\"refresh_token\">%s</pre>", e_rt);
	/* Only a b64token (RFC 6750 §2.1) goes into a shell line. */
	if (strspn(at, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-._~+/=") == n)
		curl_html = xasprintf("<h2>Try it</h2><p>Call the API with the "
		    "access token:</p><pre id=\"api_example\">curl -H "
		    "'Authorization: Bearer %s' '%s/api/user'</pre>", e_at,
		    e_is);
	body = xasprintf("<h1>Tokens</h1>"
	    "<p>The authorization code was exchanged for these tokens. "
	    "Store the tokens in your consuming application and start "
	    "making API requests!</p>"
	    "<h2>Access token</h2><pre id=\"access_token\">%s</pre>%s"
	    "<p>Token type: <code id=\"token_type\">%s</code><br>"
	    "Expires in: <code id=\"expires_in\">%s</code> seconds<br>"
	    "Scope: <code id=\"scope\">%s</code></p>%s",
	    e_at, rt_html != NULL ? rt_html : "", e_tt, e_ei, e_sc,
	    curl_html != NULL ? curl_html : "");
	html_page(resp, 200, "Tokens", body);
	free_secret(body);
	free_secret(curl_html);
	free_secret(rt_html);
	free_secret(e_at);
	free_secret(e_rt);
	free(e_tt);
	free(e_ei);
	free(e_sc);
	free(e_is);
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
    json_object *o)
{
	const char	*at = o != NULL ? member(o, "access_token") : NULL;
	const char	*err = o != NULL ? member(o, "error") : NULL;

	if (status == 200 && at != NULL && *at != '\0') {
		if (wants_json(req))
			oauth_json_write(resp, json_object_to_json_string_ext(o,
			    JSON_C_TO_STRING_PLAIN |
			    JSON_C_TO_STRING_NOSLASHESCAPE));
		else
			show_tokens(resp, issuer, o);
		return;
	}
	if (status >= 400 && status < 500 && err != NULL) {
		log_warnx("%s: client %s: token endpoint answered %ld %s",
		    __func__, app->cfg.callback_client_id, status,
		    error_code_valid(err) ? err : "(bad error code)");
		page_answer(resp, PAGE_CB_TOKEN_ERROR, err,
		    member(o, "error_description"));
		return;
	}
	log_warnx("%s: client %s: token endpoint answered %ld without %s",
	    __func__, app->cfg.callback_client_id, status,
	    status == 200 ? "an access_token" : "an error object");
	page_error(resp, PAGE_CB_BAD_ANSWER);
}

/*
 * RFC 6749 §4.1.3: exchange the code with the verifier (RFC 7636 §4.5),
 * §5.1/§5.2: read the answer.
 */
static void
exchange(struct app *app, const struct http_request *req,
    struct http_response *resp, const char *code, const char *verifier)
{
	const struct config	*cfg = &app->cfg;
	struct answer		 a = { NULL, 0, 0 };
	char			*issuer, *endpoint, *redirect, *fields = NULL;
	char			*e_code = NULL, *e_redirect = NULL, *e_ver = NULL;
	json_object		*o = NULL;
	CURL			*c;
	CURLcode		 rc;
	long			 status;

	issuer = callback_uri_issuer(cfg);
	redirect = callback_uri_redirect(cfg);
	endpoint = cfg->callback_token_endpoint != NULL ?
	    xstrdup(cfg->callback_token_endpoint) :
	    xasprintf("%s/oauth/token", issuer);
	if ((c = curl_handle()) == NULL ||
	    (e_code = escape(c, code)) == NULL ||
	    (e_redirect = escape(c, redirect)) == NULL ||
	    (e_ver = escape(c, verifier)) == NULL) {
		log_warnx("%s: libcurl unavailable", __func__);
		page_error(resp, PAGE_CB_SERVER_ERROR);
		goto done;
	}
	fields = xasprintf("grant_type=authorization_code&code=%s"
	    "&redirect_uri=%s&code_verifier=%s", e_code, e_redirect, e_ver);
	rc = post(c, cfg, endpoint, fields, &a, &status);
	if (rc != CURLE_OK) {
		if (a.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
			log_warnx("%s: client %s: token endpoint answer over "
			    "%d bytes", __func__, cfg->callback_client_id,
			    TOKEN_MAX_RESPONSE);
			page_error(resp, PAGE_CB_BAD_ANSWER);
		} else {
			log_warnx("%s: client %s: token endpoint: %s",
			    __func__, cfg->callback_client_id,
			    curl_easy_strerror(rc));
			page_error(resp, PAGE_CB_UNREACHABLE);
		}
		goto done;
	}
	o = parse_object(a.p, a.len);
	answer(app, req, resp, issuer, status, o);
done:
	json_object_put(o);
	if (a.p != NULL)
		explicit_bzero(a.p, a.len);
	free(a.p);
	free_secret(fields);
	free_secret(e_code);
	free_secret(e_ver);
	free(e_redirect);
	free(endpoint);
	free(redirect);
	free(issuer);
}

/* GET /callback: RFC 6749 §4.1.2 (code) or §4.1.2.1 (error). */
static void
finish(struct app *app, const struct http_request *req,
    struct http_response *resp)
{
	struct form_value	 v[P__MAX];
	char			*cookie = NULL;
	const char		*verifier;
	enum error_page	 p;

	if (form_parse(req->query, strlen(req->query), params, P__MAX, v,
	    NULL) != FORM_OK) {
		page_error(resp, PAGE_CB_MALFORMED);
		return;
	}
	if (check_state(app, req, v[P_STATE].s, &cookie, &verifier,
	    &p) == -1) {
		log_warnx("%s: client %s: %s", __func__,
		    app->cfg.callback_client_id != NULL ?
		    app->cfg.callback_client_id : "(none)",
		    p == PAGE_CB_NOT_STARTED ? "no state cookie: not started "
		    "here" : p == PAGE_CB_BAD_COOKIE ? "unreadable state cookie" :
		    "state mismatch");
		page_error(resp, p);
	} else if (v[P_ERROR].s != NULL)
		page_answer(resp, PAGE_CB_REFUSED, v[P_ERROR].s,
		    v[P_ERROR_DESCRIPTION].s);
	else if (v[P_CODE].s == NULL || v[P_CODE].len == 0)
		page_error(resp, PAGE_CB_NO_CODE);
	else if (!configured(&app->cfg)) {
		log_warnx("%s: callback_client_id/callback_client_secret "
		    "not configured", __func__);
		page_error(resp, PAGE_CB_NOT_CONFIGURED);
	} else
		exchange(app, req, resp, v[P_CODE].s, verifier);
	free_secret(cookie);
	if (v[P_CODE].s != NULL)
		explicit_bzero(v[P_CODE].s, v[P_CODE].len);
	form_free(v, P__MAX);
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
