/* The OAuth error table and its one writer; see oauth_error.h. */
#include <string.h>

#include <json-c/json.h>

#include "oauth_error.h"

static const struct {
	int		 status;
	const char	*code;
} errors[OAUTH__MAX] = {
#define X(e, status, code) [e] = { status, code },
	OAUTH_ERRORS(X)
#undef X
};

int
oauth_error_status(enum oauth_error e)
{
	return errors[e].status;
}

const char *
oauth_error_code(enum oauth_error e)
{
	return errors[e].code;
}

static void
no_store(struct http_response *r)
{
	/* RFC 6749 §5.1 */
	http_resp_header(r, "Cache-Control", "no-store");
	http_resp_header(r, "Pragma", "no-cache");
}

void
oauth_error_write(struct http_response *r, enum oauth_error e,
    const char *desc, int basic_used)
{
	json_object	*o = json_object_new_object();
	const char	*s;

	if (e == OAUTH_OK)
		e = OAUTH_SERVER_ERROR;
	json_object_object_add(o, "error",
	    json_object_new_string(errors[e].code));
	if (desc != NULL)
		json_object_object_add(o, "error_description",
		    json_object_new_string(desc));
	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	http_resp_body(r, errors[e].status, "application/json", s,
	    strlen(s));
	json_object_put(o);
	no_store(r);
	if (e == OAUTH_METHOD_NOT_ALLOWED)
		http_resp_header(r, "Allow", "POST");
	if (e == OAUTH_INVALID_CLIENT && basic_used)
		http_resp_header(r, "WWW-Authenticate",
		    "Basic realm=\"cpassport\", charset=\"UTF-8\"");
	if (e == OAUTH_TEMPORARILY_UNAVAILABLE)
		http_resp_header(r, "Retry-After", "5");
}

void
oauth_json_write(struct http_response *r, const char *json)
{
	http_resp_body(r, 200, "application/json", json, strlen(json));
	no_store(r);
}
