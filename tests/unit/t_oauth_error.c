/*
 * Unit tests for lib/http/oauth_error.c (RFC 6749 §5.2): a 503 answer says
 * only that the service is unavailable and a 500 says nothing more,
 * whatever description an earlier step left; a 4xx keeps its own.  And
 * the one mapping of a database outcome to an OAuth error.
 */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "base/arena.h"
#include "http/oauth_error.h"
#include "store/db.h"
#include "tap.h"

/* The arena a request would give the responses. */
static struct arena	*A;

#define UNAVAILABLE	"the service is temporarily unavailable"

/* The body's error_description ("" when absent), then r reset. */
static char *
description(struct http_response *r)
{
	json_object	*o = json_tokener_parse(r->body), *d;
	char		*s;

	s = strdup(o != NULL && json_object_object_get_ex(o,
	    "error_description", &d) ? json_object_get_string(d) : "");
	json_object_put(o);
	memset(r, 0, sizeof(*r));
	r->arena = A;
	return s;
}

static void
token_error(enum oauth_error e, const char *left, const char *want,
    const char *name)
{
	struct http_response	 r;
	char			*d;

	memset(&r, 0, sizeof(r));
	r.arena = A;
	oauth_error_write(&r, &OAUTH_OUTCOME(e, left));
	d = description(&r);
	ok(!strcmp(d, want), "%s: \"%s\"", name, d);
	free(d);
}

/* The value of header name in r, or NULL. */
static const char *
header(const struct http_response *r, const char *name)
{
	size_t	i;

	for (i = 0; i < r->nheaders; i++)
		if (strcmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

/* Write o; status and the two headers an outcome's flags decide. */
static void
outcome(struct oauth_outcome o, int status, const char *www,
    const char *retry, const char *name)
{
	struct http_response	 r;
	const char		*w, *ra;

	memset(&r, 0, sizeof(r));
	r.arena = A;
	oauth_error_write(&r, &o);
	w = header(&r, "WWW-Authenticate");
	ra = header(&r, "Retry-After");
	ok(r.status == status && (www == NULL ? w == NULL :
	    w != NULL && strncmp(w, www, strlen(www)) == 0) &&
	    (retry == NULL ? ra == NULL : ra != NULL && !strcmp(ra, retry)),
	    "%s", name);
	free(description(&r));
}

/* OpenID Connect Core §3.1.2.6: the authentication request's codes. */
static void
openid_codes(void)
{
	static const struct {
		enum oauth_error	 e;
		const char		*code;
	} want[] = {
		{ OAUTH_INTERACTION_REQUIRED, "interaction_required" },
		{ OAUTH_LOGIN_REQUIRED, "login_required" },
		{ OAUTH_ACCOUNT_SELECTION_REQUIRED,
		    "account_selection_required" },
		{ OAUTH_CONSENT_REQUIRED, "consent_required" },
		{ OAUTH_INVALID_REQUEST_URI, "invalid_request_uri" },
		{ OAUTH_INVALID_REQUEST_OBJECT, "invalid_request_object" },
		{ OAUTH_REQUEST_NOT_SUPPORTED, "request_not_supported" },
		{ OAUTH_REQUEST_URI_NOT_SUPPORTED, "request_uri_not_supported" },
		{ OAUTH_REGISTRATION_NOT_SUPPORTED,
		    "registration_not_supported" },
	};
	size_t	i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ok(strcmp(oauth_error_code(want[i].e), want[i].code) == 0,
		    "openid-error-code (Core §3.1.2.6): %s", want[i].code);
}

int
main(void)
{
	struct oauth_outcome	 o;
	struct http_response	 r;
	char			*d;

	A = arena_new();
	token_error(OAUTH_TEMPORARILY_UNAVAILABLE, "invalid refresh token",
	    UNAVAILABLE, "db-503-own-description: not the refresh's");
	token_error(OAUTH_TEMPORARILY_UNAVAILABLE,
	    "client authentication failed", UNAVAILABLE,
	    "db-503-own-description: not the client check's");
	token_error(OAUTH_TEMPORARILY_UNAVAILABLE, NULL, UNAVAILABLE,
	    "db-503-own-description: when none was set");
	token_error(OAUTH_CLIENT_CHANGED, NULL, UNAVAILABLE,
	    "db-503-own-description: every 503");
	token_error(OAUTH_SERVER_ERROR, "invalid refresh token", "",
	    "error-500-says-nothing-more");
	token_error(OAUTH_INVALID_GRANT, "invalid refresh token",
	    "invalid refresh token", "error-4xx-keeps-its-description");
	memset(&r, 0, sizeof(r));
	r.arena = A;
	oauth_bearer_error_write(&r, OAUTH_TEMPORARILY_UNAVAILABLE,
	    "the token is revoked", NULL);
	d = description(&r);
	ok(!strcmp(d, UNAVAILABLE), "db-503-own-description: a resource's "
	    "503 too: \"%s\"", d);
	free(d);
	ok(oauth_db_error(DB_OK) == OAUTH_OK &&
	    oauth_db_error(DB_UNAVAILABLE) == OAUTH_TEMPORARILY_UNAVAILABLE,
	    "db-error-mapping: DB_OK is OAUTH_OK, a lost connection 503");
	ok(oauth_db_error(DB_CONFLICT) == OAUTH_SERVER_ERROR &&
	    oauth_db_error(DB_ERROR) == OAUTH_SERVER_ERROR,
	    "db-error-mapping: a conflict or any other failure is 500");
	o = OAUTH_OUTCOME(OAUTH_INVALID_CLIENT, "client authentication failed");
	outcome(o, 401, NULL, NULL,
	    "outcome-invalid-client: 401, no challenge without Basic");
	o.basic_used = 1;
	outcome(o, 401, "Basic realm=\"cpassport\"", NULL,
	    "outcome-basic-used: 401 with WWW-Authenticate: Basic "
	    "(RFC 6749 §5.2)");
	o = OAUTH_OUTCOME(OAUTH_INVALID_GRANT, "invalid refresh token");
	o.basic_used = 1;
	outcome(o, 400, NULL, NULL,
	    "outcome-basic-used: no challenge on another error");
	o = OAUTH_OUTCOME(OAUTH_TOO_MANY_REQUESTS, "retry later");
	o.retry_after = 42;
	outcome(o, 429, NULL, "42", "outcome-retry-after: the outcome's own");
	outcome(OAUTH_OUTCOME(OAUTH_TEMPORARILY_UNAVAILABLE, NULL), 503, NULL,
	    "5", "outcome-503: Retry-After: 5");
	outcome(OAUTH_OUTCOME(OAUTH_OK, NULL), 500, NULL, NULL,
	    "outcome-ok-is-no-error: written as a 500");
	openid_codes();
	arena_release(A);
	return done_testing();
}
