/*
 * Unit tests for lib/http/request.c: the web server's parameters (RFC
 * 3875 §4.1) into struct http_request, as http.c reads every request.
 */
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "http/request.h"
#include "parse/form.h"
#include "tap.h"

/* Read envp; returns the body length http_request_params asks for. */
static size_t
req_of(struct http_request *r, const char **envp)
{
	memset(r, 0xa5, sizeof(*r));	/* every field must be set */
	return http_request_params(r, http_envp_param, envp);
}

/* CONTENT_LENGTH=cl is refused: nothing to read, body_too_large. */
static int
cl_refused(const char *cl)
{
	struct http_request	 r;
	char			 buf[64] = "CONTENT_LENGTH=";
	const char		*envp[] = { buf, NULL };

	strncat(buf, cl, sizeof(buf) - strlen(buf) - 1);
	return req_of(&r, envp) == 0 && r.body_too_large == 1;
}

int
main(void)
{
	struct http_request	 r;
	const char		*none[] = { NULL };
	const char		*post[] = { "REQUEST_METHOD=POST",
				    "CONTENT_TYPE=application/x-www-form-"
				    "urlencoded", "CONTENT_LENGTH=29",
				    "HTTP_AUTHORIZATION=Basic eDp5",
				    "REMOTE_ADDR=::1", "HTTPS=on",
				    "QUERY_STRING=a=b", "REQUEST_URI=/oauth/token",
				    "HTTP_COOKIE=c=d", "HTTP_ACCEPT=*/*", NULL };
	const char		*twice[] = { "REQUEST_METHOD=GET", "HTTPS=",
				    "REQUEST_METHOD=POST", "HTTPS=on", NULL };
	const char		*near[] = { "REQUEST_METHODX=PUT",
				    "REQUEST_METHOD", "XREQUEST_METHOD=PUT",
				    NULL };
	const char		*user[] = { "REMOTE_USER=alice",
				    "AUTH_TYPE=Basic", NULL };
	const char		*user_only[] = { "REMOTE_USER=alice", NULL };
	const char		*user_empty[] = { "REMOTE_USER=alice",
				    "AUTH_TYPE=", NULL };
	char			 max[64];
	const char		*at_max[] = { max, NULL };
	const char		*cl_empty[] = { "CONTENT_LENGTH=", NULL };

	ok(req_of(&r, none) == 0 && strcmp(r.method, "GET") == 0 &&
	    strcmp(r.query, "") == 0 && strcmp(r.uri, "") == 0 &&
	    r.content_type == NULL && r.authorization == NULL &&
	    r.remote_addr == NULL && r.https == NULL && r.cookie == NULL &&
	    r.accept == NULL && r.remote_user == NULL && r.body == NULL &&
	    r.body_len == 0 && !r.body_too_large && !r.body_truncated &&
	    !r.body_timed_out, "no parameters: GET, empty query and URI, "
	    "the rest unset");
	ok(req_of(&r, post) == 29 && strcmp(r.method, "POST") == 0 &&
	    r.content_type == post[1] + 13 &&
	    strcmp(r.authorization, "Basic eDp5") == 0 &&
	    strcmp(r.remote_addr, "::1") == 0 && strcmp(r.https, "on") == 0 &&
	    strcmp(r.query, "a=b") == 0 &&
	    strcmp(r.uri, "/oauth/token") == 0 &&
	    strcmp(r.cookie, "c=d") == 0 && strcmp(r.accept, "*/*") == 0 &&
	    !r.body_too_large, "every field, pointing into the parameters");
	ok(req_of(&r, twice) == 0 && strcmp(r.method, "POST") == 0 &&
	    strcmp(r.https, "on") == 0,
	    "a name sent twice is the last one (nginx's override)");
	ok(req_of(&r, near) == 0 && strcmp(r.method, "GET") == 0,
	    "only name=value of exactly that name counts");

	/* RFC 3875 §4.1.1: REMOTE_USER only with an AUTH_TYPE. */
	req_of(&r, user);
	ok(r.remote_user != NULL && strcmp(r.remote_user, "alice") == 0,
	    "REMOTE_USER with AUTH_TYPE");
	req_of(&r, user_only);
	ok(r.remote_user == NULL, "REMOTE_USER without AUTH_TYPE is ignored");
	req_of(&r, user_empty);
	ok(r.remote_user == NULL, "REMOTE_USER with an empty AUTH_TYPE too");

	snprintf(max, sizeof(max), "CONTENT_LENGTH=%d", FORM_MAX_BODY);
	ok(req_of(&r, at_max) == FORM_MAX_BODY && !r.body_too_large,
	    "a body of FORM_MAX_BODY bytes is read");
	ok(req_of(&r, cl_empty) == 0 && !r.body_too_large,
	    "an empty CONTENT_LENGTH: no body");
	ok(cl_refused("8193"), "a body over FORM_MAX_BODY is not read");
	ok(cl_refused("-1"), "a negative CONTENT_LENGTH");
	ok(cl_refused("12x"), "CONTENT_LENGTH with junk");
	ok(cl_refused("184467440737095516160"), "CONTENT_LENGTH overflowing");
	return done_testing();
}
