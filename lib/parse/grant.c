/* Grant type names; see grant.h. */
#include <string.h>

#include "parse/grant.h"

static const char *const names[GRANT__MAX] = {
	[GRANT_AUTHORIZATION_CODE] = "authorization_code",
	[GRANT_PASSWORD] = "password",
	[GRANT_CLIENT_CREDENTIALS] = "client_credentials",
	[GRANT_REFRESH_TOKEN] = "refresh_token",
	[GRANT_PERSONAL_ACCESS] = "personal_access",
};

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
