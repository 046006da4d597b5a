/*
 * Members of the JSON objects of JOSE: JWS headers (RFC 7515 §4) and
 * JWKs (RFC 7517 §4), built with json-c, and the string members of
 * parsed ones (JWT claims too, RFC 7519 §4).
 */
#ifndef CPASSPORT_JOSE_H
#define CPASSPORT_JOSE_H

#include <json-c/json.h>

/* A string value with no NUL in it (json-c allows one), or NULL. */
const char	*jose_string(struct json_object *v);
/* The string member o[name] as jose_string() takes it, or NULL. */
const char	*jose_member_str(struct json_object *o, const char *name);

/* o[name] = the string val; 0, or -1 (out of memory, o left as it was). */
int		 jose_addstr(struct json_object *o, const char *name,
		    const char *val);

#endif
