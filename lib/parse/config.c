/* The "key = value" configuration file; see config.h. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "parse/config.h"
#include "parse/scope.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

/*
 * K_NUMBER0: a number where 0 turns the feature off.  K_SECRET: a
 * K_STRING wiped when freed.  K_CLAIM: a repeatable line, one binding of
 * struct config_claims each.
 */
enum kind { K_STRING, K_SECRET, K_NUMBER, K_NUMBER0, K_BOOL, K_CLAIM };

static const struct {
	const char	*name;
	enum kind	 kind;
	size_t		 off;
} keys[] = {
	{ "database", K_STRING, offsetof(struct config, database) },
	{ "issuer", K_STRING, offsetof(struct config, issuer) },
	{ "audience", K_STRING, offsetof(struct config, audience) },
	{ "signing_key", K_STRING, offsetof(struct config, signing_key) },
	{ "default_scope", K_STRING, offsetof(struct config, default_scope) },
	{ "access_token_lifetime", K_NUMBER,
	    offsetof(struct config, access_token_lifetime) },
	{ "refresh_token_lifetime", K_NUMBER,
	    offsetof(struct config, refresh_token_lifetime) },
	{ "refresh_token_grace_period", K_NUMBER0,
	    offsetof(struct config, refresh_token_grace_period) },
	{ "personal_access_token_lifetime", K_NUMBER,
	    offsetof(struct config, personal_access_token_lifetime) },
	{ "auth_code_lifetime", K_NUMBER,
	    offsetof(struct config, auth_code_lifetime) },
	{ "id_token_lifetime", K_NUMBER,
	    offsetof(struct config, id_token_lifetime) },
	{ "user_endpoint_scope", K_STRING,
	    offsetof(struct config, user_endpoint_scope) },
	{ "allow_plain_http", K_BOOL,
	    offsetof(struct config, allow_plain_http) },
	{ "max_requests", K_NUMBER,
	    offsetof(struct config, max_requests) },
	{ "session_lifetime", K_NUMBER,
	    offsetof(struct config, session_lifetime) },
	{ "pkce_required", K_BOOL, offsetof(struct config, pkce_required) },
	{ "pkce_allow_plain", K_BOOL,
	    offsetof(struct config, pkce_allow_plain) },
	{ "trust_remote_user", K_BOOL,
	    offsetof(struct config, trust_remote_user) },
	{ "bcrypt_cost", K_NUMBER, offsetof(struct config, bcrypt_cost) },
	{ "callback_client_id", K_STRING,
	    offsetof(struct config, callback_client_id) },
	{ "callback_client_secret", K_SECRET,
	    offsetof(struct config, callback_client_secret) },
	{ "callback_redirect_uri", K_STRING,
	    offsetof(struct config, callback_redirect_uri) },
	{ "callback_token_endpoint", K_STRING,
	    offsetof(struct config, callback_token_endpoint) },
	{ "callback_scope", K_STRING,
	    offsetof(struct config, callback_scope) },
	{ "claim", K_CLAIM, offsetof(struct config, claims) },
	{ "access_token_claims", K_STRING,
	    offsetof(struct config, access_token_claims) },
};

const char *
config_path(const char *explicit_path)
{
	const char	*env;

	if (explicit_path != NULL)
		return explicit_path;
	if ((env = getenv("CPASSPORT_CONFIG")) != NULL && *env != '\0')
		return env;
	return SYSCONFDIR "/cpassport.conf";
}

static char *
trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* A count or seconds: min (0 or 1) … 315360000 (ten years of seconds). */
static int
parse_number(const char *v, long min, long *out)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || *end != '\0' || n < min || n > 315360000L)
		return -1;
	*out = n;
	return 0;
}

static int
parse_bool(const char *v, int *out)
{
	if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "on") ||
	    !strcmp(v, "1"))
		*out = 1;
	else if (!strcmp(v, "false") || !strcmp(v, "no") ||
	    !strcmp(v, "off") || !strcmp(v, "0"))
		*out = 0;
	else
		return -1;
	return 0;
}

/* RFC 6749 §3.3 scope names; exactly one when single. */
static int
scopes_valid(const char *text, int single)
{
	struct scope_set	set;
	int			ok;

	if (scope_parse(text, &set) == -1)
		return 0;
	ok = !single || set.n == 1;
	return ok;
}

/* The string of key i in cfg, freed (a secret wiped first). */
static void
drop_string(struct config *cfg, size_t i)
{
	char	**p = (char **)((char *)cfg + keys[i].off);

	if (keys[i].kind == K_SECRET && *p != NULL)
		explicit_bzero(*p, strlen(*p));
	free(*p);
	*p = NULL;
}

static int
set_key(struct config *cfg, const char *k, const char *v)
{
	char	*base = (char *)cfg;
	size_t	 i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (strcmp(keys[i].name, k))
			continue;
		switch (keys[i].kind) {
		case K_STRING:
		case K_SECRET:
			drop_string(cfg, i);
			*(char **)(base + keys[i].off) = xstrdup(v);
			return 0;
		case K_NUMBER:
		case K_NUMBER0:
			return parse_number(v, keys[i].kind == K_NUMBER0 ? 0 : 1,
			    (long *)(base + keys[i].off));
		case K_BOOL:
			return parse_bool(v, (int *)(base + keys[i].off));
		case K_CLAIM:
			return config_claims_bind((struct config_claims *)
			    (base + keys[i].off), v);
		}
	}
	return -1;
}

/* The defaults, before any line of the file is read. */
static void
config_defaults(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->access_token_lifetime = 3600;
	cfg->refresh_token_lifetime = 30 * 86400;
	cfg->refresh_token_grace_period = CONFIG_REFRESH_GRACE_DEFAULT;
	cfg->personal_access_token_lifetime = 365 * 86400;
	cfg->auth_code_lifetime = 600;
	cfg->id_token_lifetime = CONFIG_ID_TOKEN_LIFETIME_DEFAULT;
	cfg->session_lifetime = 8 * 3600;
	cfg->bcrypt_cost = PASSWORD_COST_DEFAULT;
	cfg->issuer = xstrdup("http://localhost");
	cfg->default_scope = xstrdup("");
}

/*
 * One line (without its newline, NUL-terminated in a buffer we may
 * write): blank, a comment, or "key = value".  Returns 0 or -1 with err.
 */
static int
parse_line(struct config *cfg, char *line, const char *name, int lineno,
    char *err, size_t errlen)
{
	char	*k, *v, *eq;

	k = trim(line);
	if (*k == '\0' || *k == '#')
		return 0;
	if ((eq = strchr(k, '=')) == NULL) {
		snprintf(err, errlen, "%s:%d: expected key = value", name,
		    lineno);
		return -1;
	}
	*eq = '\0';
	k = trim(k);
	v = trim(eq + 1);
	if (set_key(cfg, k, v) == -1) {
		snprintf(err, errlen, "%s:%d: unknown key or bad value for "
		    "\"%.64s\"", name, lineno, k);
		return -1;
	}
	return 0;
}

/* What must hold of the whole file.  Returns 0 or -1 with err. */
static int
config_check(struct config *cfg, const char *name, char *err,
    size_t errlen)
{
	if (config_claims_access(&cfg->claims, cfg->access_token_claims,
	    name, err, errlen) == -1)
		return -1;
	if (cfg->database == NULL) {
		snprintf(err, errlen, "%s: \"database\" is not set", name);
		return -1;
	}
	if (!scopes_valid(cfg->default_scope, 0) ||
	    (cfg->user_endpoint_scope != NULL &&
	    !scopes_valid(cfg->user_endpoint_scope, 1))) {
		snprintf(err, errlen, "%s: default_scope or "
		    "user_endpoint_scope is not a valid scope list", name);
		return -1;
	}
	if (cfg->bcrypt_cost < PASSWORD_COST_MIN ||
	    cfg->bcrypt_cost > PASSWORD_COST_MAX) {
		snprintf(err, errlen, "%s: bcrypt_cost must be %d-%d", name,
		    PASSWORD_COST_MIN, PASSWORD_COST_MAX);
		return -1;
	}
	if (cfg->id_token_lifetime > CONFIG_ID_TOKEN_LIFETIME_MAX) {
		snprintf(err, errlen, "%s: id_token_lifetime must be 1-%d",
		    name, CONFIG_ID_TOKEN_LIFETIME_MAX);
		return -1;
	}
	if (cfg->refresh_token_grace_period > CONFIG_REFRESH_GRACE_MAX) {
		snprintf(err, errlen, "%s: refresh_token_grace_period must be "
		    "0-%d", name, CONFIG_REFRESH_GRACE_MAX);
		return -1;
	}
	return 0;
}

int
config_parse(const char *buf, size_t len, const char *name,
    struct config *cfg, char *err, size_t errlen)
{
	char		 line[CONFIG_MAX_LINE];
	const char	*p = buf, *end = buf + len, *nl;
	size_t		 n;
	int		 lineno = 0;

	config_defaults(cfg);
	for (; p < end; p = nl + 1) {
		lineno++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		/* A line and its newline fit CONFIG_MAX_LINE - 1 bytes. */
		if ((n = (size_t)(nl - p)) > CONFIG_MAX_LINE - 2) {
			snprintf(err, errlen, "%s:%d: line too long", name,
			    lineno);
			goto fail;
		}
		if (memchr(p, '\0', n) != NULL) {
			snprintf(err, errlen, "%s:%d: NUL byte", name, lineno);
			goto fail;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		if (parse_line(cfg, line, name, lineno, err, errlen) == -1)
			goto fail;
	}
	if (config_check(cfg, name, err, errlen) == -1)
		goto fail;
	return 0;
 fail:
	config_free(cfg);
	return -1;
}

int
config_load(const char *path, struct config *cfg, char *err, size_t errlen)
{
	FILE	*f;
	char	*buf = NULL;
	size_t	 len = 0, size = 0, n;
	int	 r;

	memset(cfg, 0, sizeof(*cfg));
	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	/* The whole file; the operator's, so no bound beyond memory's. */
	do {
		if (len == size) {
			if (size > SIZE_MAX / 2 - CONFIG_MAX_LINE)
				break;
			size = size * 2 + CONFIG_MAX_LINE;
			buf = xrealloc(buf, size);
		}
		len += n = fread(buf + len, 1, size - len, f);
	} while (n > 0);
	if (ferror(f) || len == size) {
		snprintf(err, errlen, "%s: cannot read", path);
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	r = config_parse(buf, len, path, cfg, err, errlen);
	/* The file may hold callback_client_secret. */
	explicit_bzero(buf, len);
	free(buf);
	return r;
}

/* Every string member is a key of the table: it frees them all. */
void
config_free(struct config *cfg)
{
	size_t	i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (keys[i].kind == K_STRING || keys[i].kind == K_SECRET)
			drop_string(cfg, i);
	memset(cfg, 0, sizeof(*cfg));
}
