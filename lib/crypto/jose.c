/* JSON members of JOSE objects; see jose.h. */
#include "crypto/jose.h"

int
jose_addstr(struct json_object *o, const char *name, const char *val)
{
	struct json_object	*v;

	if ((v = json_object_new_string(val)) == NULL)
		return -1;
	if (json_object_object_add(o, name, v) != 0) {
		json_object_put(v);
		return -1;
	}
	return 0;
}
