/*
 * The config's custom claims (cpassport.conf(5)): `claim = NAME SCOPE`,
 * once per claim, binds a custom claim to the scope that releases it;
 * `access_token_claims = NAME ...` lists the bound claims that also go
 * into access tokens.  A claim bound to no scope is never released.
 */
#ifndef CPASSPORT_CONFIG_CLAIMS_H
#define CPASSPORT_CONFIG_CLAIMS_H

#include <stddef.h>

#include "parse/claim_name.h"
#include "parse/scope.h"

#define CONFIG_MAX_CLAIMS	32	/* `claim` lines */

struct config_claim {
	char	name[CLAIM_NAME_MAX + 1];
	char	scope[SCOPE_MAX_NAME + 1];	/* the one that releases it */
	int	in_access_token;
};

/* A value (no freeing), a member of struct config. */
struct config_claims {
	struct config_claim	v[CONFIG_MAX_CLAIMS];
	size_t			n;
	size_t			n_access_token;	/* of v with in_access_token */
};

/*
 * One `claim` line's value, "NAME SCOPE": a custom claim name
 * (claim_name_valid) not bound yet and one scope name.  Returns 0, or -1
 * (nothing changed) when the value is bad or CONFIG_MAX_CLAIMS are bound.
 */
int	 config_claims_bind(struct config_claims *, const char *value);

/*
 * Mark the claims `access_token_claims` names (NULL: none), each of which
 * must be bound.  Returns 0, or -1 with a message naming the file.
 */
int	 config_claims_access(struct config_claims *, const char *names,
	    const char *file, char *err, size_t errlen);

/* The claim bound under name, or NULL. */
const struct config_claim *config_claims_find(const struct config_claims *,
	    const char *name);

#endif
