/* The config's custom claims; see config_claims.h. */
#include <stdio.h>
#include <string.h>

#include "parse/config_claims.h"

/* The index of the claim bound under name, or -1. */
static int
find(const struct config_claims *c, const char *name)
{
	size_t	i;

	for (i = 0; i < c->n; i++)
		if (!strcmp(c->v[i].name, name))
			return (int)i;
	return -1;
}

const struct config_claim *
config_claims_find(const struct config_claims *c, const char *name)
{
	int	i = find(c, name);

	return i == -1 ? NULL : &c->v[i];
}

int
config_claims_bind(struct config_claims *c, const char *value)
{
	struct config_claim	*cl;
	struct scope_set	 scope;
	const char		*sp;
	size_t			 n;

	if (c->n == CONFIG_MAX_CLAIMS || (sp = strchr(value, ' ')) == NULL)
		return -1;
	if ((n = (size_t)(sp - value)) > CLAIM_NAME_MAX)
		return -1;
	/* Exactly one scope after the name. */
	if (scope_parse(sp + 1, &scope) == -1 || scope.n != 1)
		return -1;
	cl = &c->v[c->n];
	memset(cl, 0, sizeof(*cl));
	memcpy(cl->name, value, n);
	cl->name[n] = '\0';
	if (!claim_name_valid(cl->name) || find(c, cl->name) != -1)
		return -1;
	memcpy(cl->scope, scope.items[0], sizeof(cl->scope));
	c->n++;
	return 0;
}

int
config_claims_access(struct config_claims *c, const char *names,
    const char *file, char *err, size_t errlen)
{
	struct scope_set	 set;
	size_t			 i;
	int			 k;

	c->n_access_token = 0;
	if (names == NULL)
		return 0;
	/* Claim names are scope-shaped tokens: the same splitter. */
	if (scope_parse(names, &set) == -1) {
		snprintf(err, errlen, "%s: access_token_claims is not a list "
		    "of claim names", file);
		return -1;
	}
	for (i = 0; i < set.n; i++) {
		if ((k = find(c, set.items[i])) == -1) {
			snprintf(err, errlen, "%s: access_token_claims names "
			    "\"%.64s\", which no claim line binds", file,
			    set.items[i]);
			return -1;
		}
		c->v[k].in_access_token = 1;
		c->n_access_token++;
	}
	return 0;
}
