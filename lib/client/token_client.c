/* The callback's token endpoint client; see token_client.h. */
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <json-c/json.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "client/token_client.h"

#define TOKEN_TIMEOUT		10L		/* seconds, whole exchange */
#define TOKEN_CONNECT_TIMEOUT	5L		/* seconds */
#define TOKEN_JSON_DEPTH	16

/* The token endpoint's answer, bounded by TOKEN_MAX_RESPONSE. */
struct body {
	char	*p;
	size_t	 len;
	int	 too_large;
};

static void
free_secret(char *s)
{
	if (s != NULL)
		explicit_bzero(s, strlen(s));
	free(s);
}

/* p[0..len) as one JSON object (whitespace around allowed), or NULL. */
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

/* A copy of the string, number or boolean member key of o; NULL otherwise. */
static char *
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
		return xstrdup(json_object_get_string(v));
	default:
		return NULL;
	}
}

int
token_answer_parse(const char *buf, size_t len, struct token_answer *out)
{
	json_object	*o;

	memset(out, 0, sizeof(*out));
	if ((o = parse_object(buf, len)) == NULL)
		return -1;
	out->json = xstrdup(json_object_to_json_string_ext(o,
	    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
#define X(name) out->name = member(o, #name);
	TOKEN_MEMBERS(X)
#undef X
	json_object_put(o);
	return 0;
}

void
token_answer_free(struct token_answer *a)
{
	/* Every member wiped: the tokens among them. */
	free_secret(a->json);
#define X(name) free_secret(a->name);
	TOKEN_MEMBERS(X)
#undef X
	memset(a, 0, sizeof(*a));
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

/* CURLOPT_WRITEFUNCTION: keep at most TOKEN_MAX_RESPONSE bytes. */
static size_t
on_data(char *p, size_t size, size_t nmemb, void *arg)
{
	struct body	*b = arg;
	size_t		 n = size * nmemb;

	if (n > TOKEN_MAX_RESPONSE - b->len) {
		b->too_large = 1;
		return 0;	/* libcurl stops: CURLE_WRITE_ERROR */
	}
	b->p = xrealloc(b->p, b->len + n + 1);
	memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
	return n;
}

/*
 * POST fields to the token endpoint with HTTP Basic client
 * authentication, id and secret form-urlencoded first (RFC 6749 §2.3.1).
 * Fills *b and *status.  Returns the libcurl result.
 */
static CURLcode
post(CURL *c, const struct config *cfg, const char *endpoint,
    const char *fields, struct body *b, long *status)
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
	curl_easy_setopt(c, CURLOPT_WRITEDATA, b);
	rc = curl_easy_perform(c);
	if (rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
	/* Drop our pointers (fields, b, hdrs) from the kept handle. */
	curl_easy_reset(c);
done:
	curl_slist_free_all(hdrs);
	free_secret(user);
	free_secret(pass);
	return rc;
}

enum token_result
token_exchange(const struct config *cfg, const char *endpoint,
    const char *code, const char *redirect_uri, const char *verifier,
    long *status, struct token_answer *out)
{
	struct body		 b = { NULL, 0, 0 };
	char			*fields = NULL, *e_code = NULL;
	char			*e_redirect = NULL, *e_ver = NULL;
	enum token_result	 res = TOKEN_ANSWERED;
	CURL			*c;
	CURLcode		 rc;

	memset(out, 0, sizeof(*out));
	*status = 0;
	if ((c = curl_handle()) == NULL ||
	    (e_code = escape(c, code)) == NULL ||
	    (e_redirect = escape(c, redirect_uri)) == NULL ||
	    (e_ver = escape(c, verifier)) == NULL) {
		log_warnx("%s: libcurl unavailable", __func__);
		res = TOKEN_NO_CLIENT;
		goto done;
	}
	fields = xasprintf("grant_type=authorization_code&code=%s"
	    "&redirect_uri=%s&code_verifier=%s", e_code, e_redirect, e_ver);
	if ((rc = post(c, cfg, endpoint, fields, &b, status)) == CURLE_OK)
		token_answer_parse(b.p, b.len, out);
	else if (b.too_large || rc == CURLE_FILESIZE_EXCEEDED) {
		log_warnx("%s: client %s: token endpoint answer over %d bytes",
		    __func__, cfg->callback_client_id, TOKEN_MAX_RESPONSE);
		res = TOKEN_TOO_LARGE;
	} else {
		log_warnx("%s: client %s: token endpoint: %s", __func__,
		    cfg->callback_client_id, curl_easy_strerror(rc));
		res = TOKEN_UNREACHABLE;
	}
done:
	if (b.p != NULL)
		explicit_bzero(b.p, b.len);
	free(b.p);
	free_secret(fields);
	free_secret(e_code);
	free_secret(e_ver);
	free(e_redirect);
	return res;
}
