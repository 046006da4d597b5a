/* Redirects with an appended query; see redirect.h. */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "http/redirect.h"
#include "parse/redirect_uri.h"

/* Each byte as %XX but RFC 3986 §2.3 unreserved ones: worst case 3x. */
static char *
encode(char *out, const char *s)
{
	static const char	hex[] = "0123456789ABCDEF";
	const unsigned char	*p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
			*out++ = (char)*p;
		else {
			*out++ = '%';
			*out++ = hex[*p >> 4];
			*out++ = hex[*p & 15];
		}
	}
	return out;
}

/* base with the pairs appended to its query, in the arena. */
static char *
with_query(struct arena *a, const char *base, const char *const *pairs)
{
	const char *const	*kv;
	char			*url, *o;
	size_t			 len;
	char			 sep;

	len = strlen(base) + 1;
	for (kv = pairs; kv[0] != NULL; kv += 2)
		if (kv[1] != NULL)
			len += 3 * (strlen(kv[0]) + strlen(kv[1])) + 2;
	url = arena_alloc(a, len);
	o = url + strlen(base);
	memcpy(url, base, o - url);
	/* RFC 6749 §3.1.2: keep the query it has, append to it. */
	sep = strchr(base, '?') != NULL ? '&' : '?';
	for (kv = pairs; kv[0] != NULL; kv += 2) {
		if (kv[1] == NULL)
			continue;
		/* A registered "…?" or "…&" needs no other separator. */
		if (sep == '?' || (o[-1] != '?' && o[-1] != '&'))
			*o++ = sep;
		o = encode(o, kv[0]);
		*o++ = '=';
		o = encode(o, kv[1]);
		sep = '&';
	}
	*o = '\0';
	return url;
}

char *
redirect_url(struct arena *a, const char *base, const char *const *pairs)
{
	if (!redirect_uri_valid(base))
		return NULL;
	return with_query(a, base, pairs);
}

char *
redirect_local_url(struct arena *a, const char *path,
    const char *const *pairs)
{
	/* RFC 3986 §4.2: an absolute-path reference; never "//host". */
	if (path[0] != '/' || path[1] == '/' || strpbrk(path, "?#") != NULL)
		return NULL;
	return with_query(a, path, pairs);
}

void
redirect_see_other(struct http_response *r, const char *url)
{
	http_resp_body(r, 303, NULL, "", 0);
	http_resp_header(r, "Location", "%s", url);
	http_resp_header(r, "Cache-Control", "no-store");
}

int
redirect_with(struct http_response *r, const char *base,
    const char *const *pairs)
{
	char	*url;

	/* In the arena: the URL may carry the code (RFC 6749 §4.1.2). */
	if ((url = redirect_url(r->arena, base, pairs)) == NULL)
		return -1;
	http_resp_body(r, 302, NULL, "", 0);
	http_resp_header(r, "Location", "%s", url);
	http_resp_header(r, "Cache-Control", "no-store");
	return 0;
}
