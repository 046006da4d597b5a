/* Grant type names; see grant.h. */
#include <string.h>

#include "parse/grant.h"

static const char *const names[GRANT__MAX] = {
#define X(e, name, token) [e] = name,
	GRANTS(X)
#undef X
};

static const int at_token[GRANT__MAX] = {
#define X(e, name, token) [e] = token,
	GRANTS(X)
#undef X
};

const char *
grant_name(enum grant g)
{
	return names[g];
}

int
grant_at_token_endpoint(enum grant g)
{
	return at_token[g];
}

int
grant_parse(const char *s)
{
	int	i;

	for (i = 0; i < GRANT__MAX; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

unsigned
grant_set_parse(const char *list)
{
	unsigned	 set = 0;
	const char	*p = list;
	size_t		 n;
	int		 i;

	while (*p != '\0') {
		n = strcspn(p, " ");
		for (i = 0; i < GRANT__MAX; i++)
			if (strlen(names[i]) == n && !strncmp(p, names[i], n))
				set |= 1u << i;
		p += n;
		p += strspn(p, " ");
	}
	return set;
}
