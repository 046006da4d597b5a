/*
 * Members of the JSON objects of JOSE: JWS headers (RFC 7515 §4) and
 * JWKs (RFC 7517 §4), built with json-c.
 */
#ifndef CPASSPORT_JOSE_H
#define CPASSPORT_JOSE_H

#include <json-c/json.h>

/* o[name] = the string val; 0, or -1 (out of memory, o left as it was). */
int	jose_addstr(struct json_object *o, const char *name, const char *val);

#endif
