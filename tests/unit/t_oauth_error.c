/*
 * Unit tests for lib/http/oauth_error.c (RFC 6749 §5.2): a 503 answer says
 * only that the service is unavailable and a 500 says nothing more,
 * whatever description an earlier step left; a 4xx keeps its own.  And
 * the one mapping of a database outcome to an OAuth error.
 */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "http/oauth_error.h"
#include "store/db.h"
#include "tap.h"

#define UNAVAILABLE	"the service is temporarily unavailable"

/* The body's error_description ("" when absent), then the response freed. */
static char *
description(struct http_response *r)
{
	json_object	*o = json_tokener_parse(r->body), *d;
	char		*s;
	size_t		 i;

	s = strdup(o != NULL && json_object_object_get_ex(o,
	    "error_description", &d) ? json_object_get_string(d) : "");
	json_object_put(o);
	for (i = 0; i < r->nheaders; i++)
		free(r->headers[i].value);
	free(r->body);
	memset(r, 0, sizeof(*r));
	return s;
}

static void
token_error(enum oauth_error e, const char *left, const char *want,
    const char *name)
{
	struct http_response	 r;
	char			*d;

	memset(&r, 0, sizeof(r));
	oauth_error_write(&r, e, left, 0);
	d = description(&r);
	ok(!strcmp(d, want), "%s: \"%s\"", name, d);
	free(d);
}

int
main(void)
{
	struct http_response	 r;
	char			*d;

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
	return done_testing();
}
