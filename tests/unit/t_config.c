/*
 * Unit tests for lib/parse/config.c: config_parse on texts, the line and
 * file rules of config.h, and config_load reading a file through it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse/config.h"
#include "tap.h"

#define DB	"database = dbname=cpassport\n"

static char	err[256];

/* Parse a NUL-terminated text; 0 or -1 as config_parse. */
static int
parse(const char *text, struct config *cfg)
{
	err[0] = '\0';
	return config_parse(text, strlen(text), "t.conf", cfg, err,
	    sizeof(err));
}

/* text is refused with a message that contains want. */
static int
refuses(const char *text, const char *want)
{
	struct config	cfg;

	if (parse(text, &cfg) == 0) {
		config_free(&cfg);
		return 0;
	}
	return strstr(err, want) != NULL;
}

/* A text of one line of n bytes "x = y…" after the database line. */
static char *
long_line(size_t n, const char *nl)
{
	char	*s;
	size_t	 d = strlen(DB);

	s = malloc(d + n + strlen(nl) + 1);
	memcpy(s, DB, d);
	memcpy(s + d, "issuer = ", 9);
	memset(s + d + 9, 'a', n - 9);
	strcpy(s + d + n, nl);
	return s;
}

/* claim and access_token_claims (config_claims.h). */
static void
claims(void)
{
	struct config	cfg;
	char		text[4096];
	size_t		i, len;

	ok(parse(DB "claim = department profile\nclaim = badge  email\n"
	    "access_token_claims = badge\n", &cfg) == 0 &&
	    cfg.claims.n == 2 && !strcmp(cfg.claims.v[0].name, "department") &&
	    !strcmp(cfg.claims.v[0].scope, "profile") &&
	    !cfg.claims.v[0].in_access_token &&
	    !strcmp(cfg.claims.v[1].name, "badge") &&
	    !strcmp(cfg.claims.v[1].scope, "email") &&
	    cfg.claims.v[1].in_access_token && cfg.claims.n_access_token == 1,
	    "claim binds a name to a scope; access_token_claims marks it");
	config_free(&cfg);
	ok(parse(DB "access_token_claims = a\nclaim = a openid\n", &cfg) ==
	    0 && cfg.claims.v[0].in_access_token, "access_token_claims may "
	    "come before the claim line");
	config_free(&cfg);
	ok(refuses(DB "claim = email profile\n", "t.conf:2: unknown key or "
	    "bad value for \"claim\""), "a registered name is refused "
	    "(Core §5.1 email)");
	ok(refuses(DB "claim = sub openid\n", "\"claim\""),
	    "a registered name is refused (Core §2 sub)");
	ok(refuses(DB "claim = 1abc profile\n", "\"claim\""),
	    "a name not starting with a letter or _ is refused");
	ok(refuses(DB "claim = a/b profile\n", "\"claim\""),
	    "a name with a character out of the DB CHECK's set is refused");
	ok(refuses(DB "claim = a" "0123456789012345678901234567890123456789"
	    "012345678901234567890123 profile\n", "\"claim\""),
	    "a name of 65 bytes is refused");
	ok(parse(DB "claim = a" "0123456789012345678901234567890123456789"
	    "01234567890123456789012 profile\n", &cfg) == 0 &&
	    strlen(cfg.claims.v[0].name) == 64,
	    "a name of 64 bytes is taken");
	config_free(&cfg);
	ok(refuses(DB "claim = department\n", "\"claim\""),
	    "a claim with no scope is refused");
	ok(refuses(DB "claim = department profile email\n", "\"claim\""),
	    "a claim bound to two scopes is refused");
	ok(refuses(DB "claim = d profile\nclaim = d email\n",
	    "t.conf:3: unknown key or bad value for \"claim\""),
	    "a claim bound twice is refused");
	ok(refuses(DB "claim = d profile\naccess_token_claims = d e\n",
	    "t.conf: access_token_claims names \"e\", which no claim line "
	    "binds"), "access_token_claims naming an unbound claim is refused");
	len = (size_t)snprintf(text, sizeof(text), "%s", DB);
	for (i = 0; i <= CONFIG_MAX_CLAIMS; i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
		    "claim = c%zu profile\n", i);
	ok(refuses(text, "t.conf:34: unknown key or bad value for "
	    "\"claim\""), "more than CONFIG_MAX_CLAIMS claims are refused");
}

static void
lines(void)
{
	struct config	 cfg;
	char		*s;

	s = long_line(CONFIG_MAX_LINE - 2, "\n");
	ok(parse(s, &cfg) == 0 && strlen(cfg.issuer) ==
	    CONFIG_MAX_LINE - 2 - 9, "a line of CONFIG_MAX_LINE - 2 bytes");
	if (err[0] == '\0')
		config_free(&cfg);
	free(s);
	s = long_line(CONFIG_MAX_LINE - 1, "\n");
	ok(refuses(s, "t.conf:2: line too long"),
	    "a line of CONFIG_MAX_LINE - 1 bytes is too long");
	free(s);
	s = long_line(CONFIG_MAX_LINE - 1, "");
	ok(refuses(s, "t.conf:2: line too long"),
	    "so is a last line without newline");
	free(s);
	ok(config_parse(DB "issuer = a\0b\n", sizeof(DB "issuer = a\0b\n") - 1,
	    "t.conf", &cfg, err, sizeof(err)) == -1 &&
	    strstr(err, "t.conf:2: NUL byte") != NULL, "a NUL byte");
}

int
main(void)
{
	struct config	 cfg;
	char		 path[] = "/tmp/t_config.XXXXXX";
	FILE		*f;
	int		 fd;

	ok(parse(DB, &cfg) == 0 && cfg.access_token_lifetime == 3600 &&
	    cfg.bcrypt_cost == PASSWORD_COST_DEFAULT &&
	    cfg.refresh_token_grace_period == CONFIG_REFRESH_GRACE_DEFAULT &&
	    strcmp(cfg.issuer, "http://localhost") == 0 &&
	    strcmp(cfg.default_scope, "") == 0 && cfg.audience == NULL &&
	    cfg.id_token_lifetime == 3600, "defaults");
	config_free(&cfg);

	ok(parse("# comment\n\n   \t\r\n  database  =  x y  \r\n"
	    "issuer=https://a\nissuer = https://b\npkce_required = yes\n"
	    "max_requests = 7", &cfg) == 0 &&
	    strcmp(cfg.database, "x y") == 0 &&
	    strcmp(cfg.issuer, "https://b") == 0 && cfg.pkce_required == 1 &&
	    cfg.max_requests == 7, "comments, blanks, CRLF, spaces, the last "
	    "of a repeated key, a last line without newline");
	config_free(&cfg);
	ok(parse("", &cfg) == -1 && strcmp(err,
	    "t.conf: \"database\" is not set") == 0, "database is required");

	ok(refuses(DB "bogus = 1\n", "t.conf:2: unknown key or bad value "
	    "for \"bogus\""), "an unknown key");
	ok(refuses(DB "issuer\n", "t.conf:2: expected key = value"),
	    "a line without '='");
	ok(refuses(DB "max_requests = 0\n", "\"max_requests\""),
	    "a count below 1");
	ok(refuses(DB "max_requests = 315360001\n", "\"max_requests\""),
	    "a count over ten years of seconds");
	ok(refuses(DB "max_requests = 5x\n", "\"max_requests\""),
	    "a number with trailing junk");
	ok(refuses(DB "pkce_required = maybe\n", "\"pkce_required\""),
	    "a boolean that is none");
	ok(refuses(DB "default_scope = a\"b\n", "not a valid scope list"),
	    "RFC 6749 §3.3: a bad scope character");
	ok(refuses(DB "user_endpoint_scope = a b\n", "not a valid scope "
	    "list"), "user_endpoint_scope names one scope");
	ok(refuses(DB "bcrypt_cost = 3\n", "bcrypt_cost must be"),
	    "bcrypt_cost below its bound");
	ok(refuses(DB "bcrypt_cost = 17\n", "bcrypt_cost must be"),
	    "bcrypt_cost above its bound");
	ok(refuses(DB "refresh_token_grace_period = 301\n", "must be 0-300"),
	    "refresh_token_grace_period above its bound");
	ok(refuses(DB "id_token_lifetime = 86401\n",
	    "t.conf: id_token_lifetime must be 1-86400"),
	    "id_token_lifetime above a day");
	ok(refuses(DB "id_token_lifetime = 0\n", "\"id_token_lifetime\""),
	    "id_token_lifetime of 0");
	ok(parse(DB "id_token_lifetime = 86400\n", &cfg) == 0 &&
	    cfg.id_token_lifetime == 86400, "id_token_lifetime of a day");
	config_free(&cfg);
	ok(parse(DB "refresh_token_grace_period = 0\n", &cfg) == 0 &&
	    cfg.refresh_token_grace_period == 0, "a grace period of 0: off");
	config_free(&cfg);
	lines();
	claims();

	/* config_load reads the file and hands its text to config_parse. */
	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL)
		return 1;
	fputs(DB "callback_client_secret = s3cret\n", f);
	fclose(f);
	ok(config_load(path, &cfg, err, sizeof(err)) == 0 &&
	    strcmp(cfg.callback_client_secret, "s3cret") == 0,
	    "config_load of a file");
	config_free(&cfg);
	unlink(path);
	ok(config_load(path, &cfg, err, sizeof(err)) == -1 &&
	    strstr(err, path) != NULL && cfg.database == NULL,
	    "config_load of a missing file names it");
	return done_testing();
}
