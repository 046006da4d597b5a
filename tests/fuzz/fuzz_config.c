/*
 * libFuzzer target for lib/parse/config.c: any bytes as a config file's
 * text, through config_parse, the function config_load hands the file to.
 * Aborts when a result breaks config.h: accepted, the database is set and
 * every bound holds (the custom claims' too); refused, the message names the file.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/config.h"
#include "parse/scope.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define NAME	"fuzz.conf"

static int
one_scope(const char *s)
{
	struct scope_set	set;
	int			ok;

	if (scope_parse(s, &set) == -1)
		return 0;
	ok = set.n == 1;
	return ok;
}

/* config_claims.h: bound claims are valid names, at most the maximum. */
static int
claims_hold(const struct config_claims *c)
{
	size_t	i, marked = 0;

	if (c->n > CONFIG_MAX_CLAIMS || c->n_access_token > c->n)
		return 0;
	for (i = 0; i < c->n; i++) {
		if (!claim_name_valid(c->v[i].name) || !one_scope(c->v[i].scope))
			return 0;
		marked += c->v[i].in_access_token != 0;
	}
	return marked == c->n_access_token;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	cfg;
	char		err[256];

	memset(err, 0, sizeof(err));
	if (config_parse((const char *)data, size, NAME, &cfg, err,
	    sizeof(err)) == -1) {
		if (strncmp(err, NAME ":", sizeof(NAME)) != 0 ||
		    memchr(err, '\0', sizeof(err)) == NULL)
			abort();
		return 0;
	}
	if (cfg.database == NULL || cfg.issuer == NULL ||
	    cfg.default_scope == NULL || strlen(cfg.database) >=
	    CONFIG_MAX_LINE || cfg.bcrypt_cost < PASSWORD_COST_MIN ||
	    cfg.bcrypt_cost > PASSWORD_COST_MAX ||
	    cfg.refresh_token_grace_period < 0 ||
	    cfg.refresh_token_grace_period > CONFIG_REFRESH_GRACE_MAX ||
	    cfg.access_token_lifetime < 1 || cfg.max_requests < 0 ||
	    (cfg.pkce_required != 0 && cfg.pkce_required != 1) ||
	    (cfg.user_endpoint_scope != NULL &&
	    !one_scope(cfg.user_endpoint_scope)) || !claims_hold(&cfg.claims))
		abort();
	config_free(&cfg);
	return 0;
}
