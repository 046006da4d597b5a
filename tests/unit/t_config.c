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
