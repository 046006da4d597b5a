/* The OAuth error table and its one writer; see oauth_error.h. */
#include <string.h>

#include <json-c/json.h>

#include "http/oauth_error.h"
#include "store/db.h"	/* enum db_status: tests/layers.sh's one exception */

static const struct {
	int		 status;
	const char	*code;
} errors[OAUTH__MAX] = {
#define X(e, status, code) [e] = { status, code },
	OAUTH_ERRORS(X)
#undef X
};

const char *
oauth_error_code(enum oauth_error e)
{
	return errors[e].code;
}

enum oauth_error
oauth_db_error(int s)
{
	switch (s) {
	case DB_OK:
		return OAUTH_OK;
	case DB_UNAVAILABLE:
		return OAUTH_TEMPORARILY_UNAVAILABLE;
	default:
		return OAUTH_SERVER_ERROR;
	}
}

const char *
oauth_error_desc(enum oauth_error e, const char *desc)
{
	if (errors[e].status == 503)
		return "the service is temporarily unavailable";
	return errors[e].status >= 500 ? NULL : desc;
}

static void
no_store(struct http_response *r)
{
	/* RFC 6749 §5.1 */
	http_resp_header(r, "Cache-Control", "no-store");
	http_resp_header(r, "Pragma", "no-cache");
}

/* Plain, and "/" not escaped: URLs read as they are. */
static const char *
render(json_object *o)
{
	return json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
}

static void
json_error(struct http_response *r, enum oauth_error e, const char *desc)
{
	json_object	*o = json_object_new_object();
	const char	*s;

	desc = oauth_error_desc(e, desc);
	if (errors[e].code != NULL)
		json_object_object_add(o, "error",
		    json_object_new_string(errors[e].code));
	if (desc != NULL)
		json_object_object_add(o, "error_description",
		    json_object_new_string(desc));
	s = render(o);
	http_resp_body(r, errors[e].status, "application/json", s,
	    strlen(s));
	json_object_put(o);
	no_store(r);
}

void
oauth_error_write(struct http_response *r, const struct oauth_outcome *o)
{
	enum oauth_error	e = o->error == OAUTH_OK ? OAUTH_SERVER_ERROR :
				    o->error;

	json_error(r, e, o->desc);
	if (e == OAUTH_INVALID_CLIENT && o->basic_used)
		http_resp_header(r, "WWW-Authenticate",
		    "Basic realm=\"cpassport\", charset=\"UTF-8\"");
	if (o->retry_after > 0)
		http_resp_header(r, "Retry-After", "%ld", o->retry_after);
	else if (errors[e].status == 503)
		http_resp_header(r, "Retry-After", "5");
}

void
oauth_bearer_error_write(struct http_response *r, enum oauth_error e,
    const char *desc, const char *scope)
{
	if (e == OAUTH_OK)
		e = OAUTH_SERVER_ERROR;
	json_error(r, e, desc);
	if (e == OAUTH_TEMPORARILY_UNAVAILABLE)
		http_resp_header(r, "Retry-After", "5");
	if (e == OAUTH_SERVER_ERROR || e == OAUTH_TEMPORARILY_UNAVAILABLE)
		return;
	/* desc and scope are our constants or the config: no quotes. */
	if (errors[e].code == NULL)
		http_resp_header(r, "WWW-Authenticate",
		    "Bearer realm=\"cpassport\"");
	else
		http_resp_header(r, "WWW-Authenticate",
		    "Bearer realm=\"cpassport\", error=\"%s\"%s%s%s%s%s%s",
		    errors[e].code, desc ? ", error_description=\"" : "",
		    desc ? desc : "", desc ? "\"" : "",
		    scope ? ", scope=\"" : "", scope ? scope : "",
		    scope ? "\"" : "");
}

void
oauth_json_write(struct http_response *r, const char *json)
{
	http_resp_body(r, 200, "application/json", json, strlen(json));
	no_store(r);
}

void
oauth_json_object_write(struct http_response *r, json_object *o)
{
	oauth_json_write(r, render(o));
	json_object_put(o);
}
