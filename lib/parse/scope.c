/* Scope sets; see scope.h. */
#include <string.h>

#include "parse/scope.h"

/* RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ) */
static int
scope_char(unsigned char c)
{
	return c == 0x21 || (c >= 0x23 && c <= 0x5b) ||
	    (c >= 0x5d && c <= 0x7e);
}

static void
add(struct scope_set *s, const char *name, size_t len)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		if (strlen(s->items[i]) == len &&
		    memcmp(s->items[i], name, len) == 0)
			return;
	if (s->n < SCOPE_MAX_ITEMS && len <= SCOPE_MAX_NAME) {
		memcpy(s->items[s->n], name, len);
		s->items[s->n++][len] = '\0';
	}
}

int
scope_parse(const char *text, struct scope_set *out)
{
	const char	*p = text, *start;
	size_t		 len, count = 0;

	memset(out, 0, sizeof(*out));
	while (*p != '\0') {
		if (*p == ' ') {
			p++;
			continue;
		}
		for (start = p; *p != '\0' && *p != ' '; p++)
			if (!scope_char((unsigned char)*p))
				goto fail;
		len = (size_t)(p - start);
		if (len > SCOPE_MAX_NAME || ++count > SCOPE_MAX_ITEMS)
			goto fail;
		add(out, start, len);
	}
	return 0;
fail:
	out->n = 0;
	return -1;
}

int
scope_has(const struct scope_set *s, const char *name)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->items[i], name) == 0)
			return 1;
	return 0;
}

int
scope_allows(const struct scope_set *s, const char *name)
{
	return scope_has(s, "*") || scope_has(s, name);
}

/* RFC 6749 §6: no name beyond the grant; "*" only where "*" was granted. */
int
scope_within(const struct scope_set *req, const struct scope_set *granted)
{
	size_t	i;

	for (i = 0; i < req->n; i++)
		if (!strcmp(req->items[i], "*") ? !scope_has(granted, "*") :
		    !scope_allows(granted, req->items[i]))
			return 0;
	return 1;
}

void
scope_narrow(const struct scope_set *req, const struct scope_set *client,
    const struct scope_set *user, struct scope_set *out)
{
	const struct scope_set	*named;
	size_t			 i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < req->n; i++) {
		const char *s = req->items[i];

		if (strcmp(s, "*") != 0) {
			if (scope_allows(client, s) && scope_allows(user, s))
				add(out, s, strlen(s));
			continue;
		}
		if (scope_has(client, "*") && scope_has(user, "*")) {
			add(out, "*", 1);
			continue;
		}
		/* Expand "*" over the side that names its scopes. */
		named = scope_has(client, "*") ? user : client;
		for (size_t j = 0; j < named->n; j++)
			if (scope_allows(client, named->items[j]) &&
			    scope_allows(user, named->items[j]))
				add(out, named->items[j],
				    strlen(named->items[j]));
	}
}

char *
scope_join(const struct scope_set *s, char out[SCOPE_MAX_TEXT])
{
	size_t	 i;
	char	*p = out;

	/* At most SCOPE_MAX_ITEMS names of SCOPE_MAX_NAME, a byte after
	 * each: a space, the last a NUL. */
	for (i = 0; i < s->n; i++) {
		size_t	n = strlen(s->items[i]);

		if (i > 0)
			*p++ = ' ';
		memcpy(p, s->items[i], n);
		p += n;
	}
	*p = '\0';
	return out;
}
