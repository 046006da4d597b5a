/*
 * cpassport: the administration CLI (php artisan passport:* in C).
 * Parses arguments, reads passwords, prints results; every operation is a
 * call into lib/ (admin.c, migrate.c, keys.c).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "admin/admin.h"
#include "admin/admin_consent.h"
#include "admin/user_claims.h"
#include "app/app.h"
#include "base/arena.h"
#include "base/log.h"
#include "base/xalloc.h"
#include "crypto/keys.h"
#include "crypto/password.h"
#include "parse/valid.h"
#include "store/db_client.h"
#include "store/db_purge.h"
#include "store/db_scope.h"
#include "store/db_token.h"
#include "store/db_user.h"
#include "store/db_user_claims.h"
#include "store/db_user_revoke.h"
#include "store/migrate.h"

#ifndef SQLDIR
#define SQLDIR "/usr/local/share/cpassport/sql"
#endif

static const char *config_arg;
static char err[1024];

static const char usage_main[] =
"usage: cpassport [--config FILE] COMMAND [ARGS]\n"
"\n"
"commands:\n"
"  migrate [--dir DIR]            apply the SQL migrations (idempotent)\n"
"  keys [--type es256|rs256|eddsa] [--force | --rotate]\n"
"                                 make (or rotate) the signing key\n"
"  keys --rotate --alg ALG | keys --add ALG\n"
"                                 rotate or add one algorithm's key\n"
"  client --name N [--password|--personal|--client|--public] [--user ID]\n"
"         [--redirect URI]... [--post-logout-redirect URI]...\n"
"         [--scopes a,b|*] [--first-party] [--resource-server] [--openid]\n"
"         [--id-token-alg RS256|ES256|EdDSA] [--require-nonce]\n"
"         [--no-remember-consent]\n"
"                                 register a client; prints its id and secret once\n"
"  client list | client show ID | client revoke ID\n"
"  client update ID [--resource-server | --no-resource-server]\n"
"         [--post-logout-redirect URI... | --no-post-logout-redirect]\n"
"  user add --email E [--name N] [--scopes a,b|*] [--email-verified]\n"
"                                 add a user; the password is read from a prompt or stdin\n"
"  user list | user passwd ID | user revoke ID\n"
"  user claim ID NAME=VALUE... [--unset NAME]... | user claims ID\n"
"                                 set, remove or list a user's custom claims\n"
"  user verify-email ID | user unverify-email ID\n"
"  scope add NAME DESCRIPTION | scope list\n"
"  token --user ID --name NAME [--scopes a,b]\n"
"                                 a personal access token, printed once\n"
"  token list --user ID | token revoke JTI\n"
"  purge [--expired] [--revoked]  delete dead tokens, codes, sessions, retired keys\n"
"  consent revoke --user ID [--client ID]\n"
"                                 forget approved scopes: the consent screen asks again\n"
"\n"
"The config file comes from --config, else $CPASSPORT_CONFIG.\n"
"`cpassport COMMAND --help` describes one command.\n";

static int
fail(const char *msg)
{
	fprintf(stderr, "cpassport: %s\n", msg);
	return 1;
}

static int
usage(const char *text, int rc)
{
	fputs(text, rc ? stderr : stdout);
	return rc;
}

static int
open_app(struct app *app, int need_key)
{
	if (app_init(app, config_arg, need_key, err, sizeof(err)) == -1) {
		fail(err);
		return -1;
	}
	return 0;
}

/* Read a password: with no echo from a terminal, else one stdin line. */
static char *
read_password(const char *prompt)
{
	struct termios	 old, noecho;
	char		*line = NULL;
	size_t		 cap = 0;
	ssize_t		 n;
	int		 tty = isatty(STDIN_FILENO);

	if (tty) {
		fputs(prompt, stderr);
		tcgetattr(STDIN_FILENO, &old);
		noecho = old;
		noecho.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &noecho);
	}
	n = getline(&line, &cap, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (n <= 0) {
		free(line);
		return NULL;
	}
	line[strcspn(line, "\r\n")] = '\0';
	return line;
}

static void
free_password(char *pw)
{
	if (pw != NULL) {
		explicit_bzero(pw, strlen(pw));
		free(pw);
	}
}

static const char usage_migrate[] =
"usage: cpassport migrate [--dir DIR]\n"
"Apply every migration of DIR (default " SQLDIR ") not yet applied.\n";

static int
cmd_migrate(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dir", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*dir = getenv("CPASSPORT_SQLDIR");
	struct app	 app;
	int		 c, applied, rc;

	if (dir == NULL)
		dir = SQLDIR;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'd')
			dir = optarg;
		else
			return usage(usage_migrate, c == 'h' ? 0 : 1);
	}
	if (optind != argc)
		return usage(usage_migrate, 1);
	if (open_app(&app, 0) == -1)
		return 1;
	rc = migrate_run(app.db, dir, &applied, err, sizeof(err));
	if (rc == 0)
		printf("%d migration%s applied\n", applied,
		    applied == 1 ? "" : "s");
	else
		fail(err);
	app_free(&app);
	return rc == 0 ? 0 : 1;
}

static const char usage_keys[] =
"usage: cpassport keys [--type es256|rs256|eddsa] [--force | --rotate]\n"
"       cpassport keys --rotate --alg es256|rs256|eddsa\n"
"       cpassport keys --add es256|rs256|eddsa\n"
"Make the signing key at the config's signing_key path (mode 0600), and\n"
"beside it signing_key.rs256 when it is not RS256 (the id_token algorithm\n"
"every OpenID provider has).\n"
"An existing key is kept unless --force (replace it: tokens it signed stop\n"
"verifying) or --rotate (keep it as signing_key.<time>, so its tokens\n"
"verify until they expire; `cpassport purge` removes it after that).\n"
"--rotate --alg rotates one algorithm's active key alone: the signing key\n"
"when it is of that type, else signing_key.<alg> (the old one kept as\n"
"signing_key.<alg>.<time>).  --add makes signing_key.<alg>, the id_token\n"
"key of another algorithm.\n"
"Running programs pick up the new key by themselves.\n";

/* The type of the key at path, or -1. */
static int
key_type_at(const char *path)
{
	struct key	*k;
	int		 t = -1;

	if ((k = key_load(path, err, sizeof(err))) != NULL)
		t = key_get_type(k);
	key_free(k);
	return t;
}

/* After P changed from type old: a word when old has no key any more. */
static void
keys_lost(const char *path, int old)
{
	struct keyset	*ks;

	if (old == -1 || (ks = keyset_load(path, err, sizeof(err))) == NULL)
		return;
	if (keyset_for(ks, old) == NULL)
		printf("no %s key left for id_tokens: `cpassport keys --add "
		    "%s` makes one\n", key_alg(old), key_type_name(old));
	keyset_free(ks);
}

/* Make or rotate P, then settle its companions (keyset_settle). */
static int
keys_signing(const char *path, enum key_type type, int force, int rotate)
{
	int	 old, retired, made;

	old = rotate || force ? key_type_at(path) : -1;
	if ((rotate ? keyset_rotate(path, type, err, sizeof(err)) :
	    key_generate(type, path, force, err, sizeof(err))) == -1)
		return fail(err);
	printf("%s key %s %s\n", key_alg(type),
	    rotate ? "rotated in at" : "written to", path);
	if (keyset_settle(path, &retired, &made, err, sizeof(err)) == -1)
		return fail(err);
	if (retired)
		printf("%s.%s retired: %s is the %s key now\n", path,
		    key_type_name(type), path, key_alg(type));
	if (made)
		printf("%s key written to %s.%s\n", key_alg(KEY_RS256), path,
		    key_type_name(KEY_RS256));
	if (old != (int)type)
		keys_lost(path, old);
	return 0;
}

/* --add ALG or --rotate --alg ALG: one algorithm's active key. */
static int
keys_alg(const char *path, enum key_type alg, int add)
{
	int	 own;

	own = !add && key_type_at(path) == (int)alg;
	if ((add ? keyset_add(path, alg, err, sizeof(err)) :
	    keyset_rotate_alg(path, alg, err, sizeof(err))) == -1)
		return fail(err);
	printf("%s key %s %s%s%s\n", key_alg(alg),
	    add ? "written to" : "rotated in at", path, own ? "" : ".",
	    own ? "" : key_type_name(alg));
	return 0;
}

static int
cmd_keys(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "type", required_argument, NULL, 't' },
		{ "force", no_argument, NULL, 'f' },
		{ "rotate", no_argument, NULL, 'r' },
		{ "alg", required_argument, NULL, 'a' },
		{ "add", required_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct config	cfg;
	int		c, type = KEY_ES256, alg = -1, force = 0, rotate = 0;
	int		add = 0, typed = 0, rc;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 't' || c == 'a' || c == 'A') {
			if (key_type_parse(optarg) == -1)
				return fail(c == 't' ? "--type must be es256, "
				    "rs256 or eddsa" : "the algorithm must be "
				    "es256, rs256 or eddsa");
			if (c == 't')
				type = key_type_parse(optarg);
			else
				alg = key_type_parse(optarg);
			typed |= c == 't';
			add |= c == 'A';
		} else if (c == 'f')
			force = 1;
		else if (c == 'r')
			rotate = 1;
		else
			return usage(usage_keys, c == 'h' ? 0 : 1);
	}
	if (optind != argc)
		return usage(usage_keys, 1);
	if (force && rotate)
		return fail("--force and --rotate exclude each other");
	if (add && (force || rotate || typed))
		return fail("--add goes alone");
	if (alg != -1 && !add && (!rotate || typed))
		return fail("--alg goes with --rotate, without --type");
	if (config_load(config_path(config_arg), &cfg, err,
	    sizeof(err)) == -1)
		return fail(err);
	if (cfg.signing_key == NULL) {
		config_free(&cfg);
		return fail("\"signing_key\" is not set in the config");
	}
	if (alg != -1)
		rc = keys_alg(cfg.signing_key, alg, add);
	else
		rc = keys_signing(cfg.signing_key, type, force, rotate);
	config_free(&cfg);
	return rc;
}

static const char usage_client[] =
"usage: cpassport client --name NAME [--password | --personal | --client |\n"
"                        --public] [--user ID] [--redirect URI]...\n"
"                        [--post-logout-redirect URI]...\n"
"                        [--scopes a,b|*] [--first-party]\n"
"                        [--resource-server] [--openid]\n"
"                        [--id-token-alg RS256|ES256|EdDSA] [--require-nonce]\n"
"                        [--no-remember-consent]\n"
"       cpassport client list\n"
"       cpassport client show ID\n"
"       cpassport client revoke ID\n"
"       cpassport client update ID [--resource-server | --no-resource-server]\n"
"                        [--post-logout-redirect URI... |\n"
"                        --no-post-logout-redirect]\n"
"Register a client and print its id and secret (shown once).\n"
"  --password     password grant client (with refresh tokens)\n"
"  --personal     personal access client\n"
"  --client       client credentials client\n"
"  --public       authorization code client without a secret (PKCE)\n"
"  (none)         confidential authorization code client; needs --redirect\n"
"  --user ID      the owner, whose permissions bound the client's tokens\n"
"  --scopes LIST  scopes the client may ask for (default *)\n"
"  --resource-server  may introspect every access token, not only its own\n"
"                 (RFC 7662 §2.1); a confidential client only\n"
"  --post-logout-redirect URI  where RP-initiated logout may send the\n"
"                 browser back (exactly as registered; the redirect URI\n"
"                 rules); update replaces the list, --no-… empties it\n"
"  --openid       with --scopes: the client may ask openid too\n"
"  --id-token-alg ALG  the algorithm of its id_tokens (default RS256)\n"
"  --require-nonce  its OpenID requests must carry a nonce\n"
"show prints the client's registration (never its secret).\n";

/* "" as "-", for a column of show. */
static const char *
or_dash(const char *s)
{
	return *s != '\0' ? s : "-";
}

static const char *
yes_no(int b)
{
	return b ? "yes" : "no";
}

/* client show ID: every column, one "name value" line each. */
static int
client_show(int argc, char **argv)
{
	struct app		 app;
	struct arena		*a;
	struct client_show_row	 c;
	int			 rc;

	if (argc != 3)
		return usage(usage_client, 1);
	if (open_app(&app, 0) == -1)
		return 1;
	a = arena_new();
	if ((rc = admin_client_show(&app, a, argv[2], &c, err,
	    sizeof(err))) == 0) {
		printf("%-29s %s\n", "client_id", c.id);
		printf("%-29s %s\n", "client_name", c.name);
		printf("%-29s %s\n", "owner", or_dash(c.owner));
		printf("%-29s %s\n", "confidential", yes_no(c.confidential));
		printf("%-29s %s\n", "grant_types", or_dash(c.grants));
		printf("%-29s %s\n", "redirect_uris", or_dash(c.redirect_uris));
		printf("%-29s %s\n", "post_logout_redirect_uris",
		    or_dash(c.post_logout_redirect_uris));
		printf("%-29s %s\n", "scopes", or_dash(c.scopes));
		printf("%-29s %s\n", "first_party", yes_no(c.first_party));
		printf("%-29s %s\n", "resource_server",
		    yes_no(c.resource_server));
		printf("%-29s %s\n", "id_token_signed_response_alg",
		    c.id_token_alg);
		printf("%-29s %s\n", "require_nonce", yes_no(c.require_nonce));
		printf("%-29s %s\n", "remember_consent",
		    yes_no(c.remember_consent));
		printf("%-29s %s\n", "revoked", yes_no(c.revoked));
		printf("%-29s %s\n", "created", c.created);
		printf("%-29s %s\n", "updated", c.updated);
	} else
		fail(err);
	arena_release(a);
	app_free(&app);
	return rc == 0 ? 0 : 1;
}

static int
client_list(void)
{
	struct app		 app;
	struct arena		*a;
	struct client_rows	 rows;
	struct client_list_row	*c;
	enum db_status		 s;
	size_t			 i;

	if (open_app(&app, 0) == -1)
		return 1;
	a = arena_new();
	if ((s = db_client_list(a, app.db, &rows)) != DB_OK) {
		admin_db_error(&app, s, err, sizeof(err));
		arena_release(a);
		app_free(&app);
		return fail(err);
	}
	printf("%-36s  %-24s  %-32s  %-6s  %-7s  %s\n", "ID", "NAME",
	    "GRANTS", "OWNER", "REVOKED", "RESOURCE_SERVER");
	for (i = 0; i < rows.n; i++) {
		c = &rows.v[i];
		printf("%-36s  %-24s  %-32s  %-6s  %-7s  %s\n", c->id,
		    c->name, c->grants, c->owner, c->revoked ? "yes" : "no",
		    c->resource_server ? "yes" : "no");
	}
	arena_release(a);
	app_free(&app);
	return 0;
}

static int
client_revoke(int argc, char **argv)
{
	struct app	app;
	int		rc;

	if (argc != 3)
		return usage(usage_client, 1);
	if (open_app(&app, 0) == -1)
		return 1;
	rc = admin_client_revoke(&app, argv[2], err, sizeof(err));
	if (rc == 0)
		printf("client %s revoked\n", argv[2]);
	else
		fail(err);
	app_free(&app);
	return rc == 0 ? 0 : 1;
}

/* The update's resource-server change (on: 1, off: 0, none: -1). */
static int
update_resource_server(struct app *app, const char *id, int on)
{
	if (on == -1)
		return 0;
	if (admin_client_resource_server(app, id, on, err, sizeof(err)) == -1)
		return fail(err);
	printf("client %s %s a resource server\n", id,
	    on ? "is now" : "is no longer");
	return 0;
}

/* The update's new post-logout URIs, when it gives them (or none). */
static int
update_post_logout(struct app *app, const char *id,
    const char *const *uris, size_t n, int given)
{
	if (!given)
		return 0;
	if (admin_client_post_logout(app, id, uris, n, err,
	    sizeof(err)) == -1)
		return fail(err);
	printf("client %s has %zu post-logout redirect URI%s\n", id, n,
	    n == 1 ? "" : "s");
	return 0;
}

/*
 * client update ID [--resource-server | --no-resource-server]
 *     [--post-logout-redirect URI... | --no-post-logout-redirect]
 */
static int
client_update(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "resource-server", no_argument, NULL, 'R' },
		{ "no-resource-server", no_argument, NULL, 'N' },
		{ "post-logout-redirect", required_argument, NULL, 'L' },
		{ "no-post-logout-redirect", no_argument, NULL, 'X' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*uris[8];
	struct app	 app;
	size_t		 n = 0;
	int		 c, on = -1, cleared = 0, rc;

	if (argc < 3)
		return usage(usage_client, 1);
	/* argv + 2: getopt skips its [0], the client's id. */
	while ((c = getopt_long(argc - 2, argv + 2, "", opts, NULL)) != -1) {
		if ((c == 'R' || c == 'N') && on == -1)
			on = c == 'R';
		else if (c == 'X')
			cleared = 1;
		else if (c != 'L')
			return usage(usage_client, 1);
		else if (n == sizeof(uris) / sizeof(uris[0]))
			return fail("too many --post-logout-redirect");
		else
			uris[n++] = optarg;
	}
	if (optind != argc - 2 || (cleared && n > 0) ||
	    (on == -1 && !cleared && n == 0))
		return usage(usage_client, 1);
	if (open_app(&app, 0) == -1)
		return 1;
	/* The URIs first: one refused leaves the client as it was. */
	rc = update_post_logout(&app, argv[2], uris, n, cleared || n > 0);
	if (rc == 0)
		rc = update_resource_server(&app, argv[2], on);
	app_free(&app);
	return rc == 0 ? 0 : 1;
}

/* The options of client registration. */
static const struct option client_opts[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "user", required_argument, NULL, 'u' },
	{ "redirect", required_argument, NULL, 'r' },
	{ "scopes", required_argument, NULL, 's' },
	{ "password", no_argument, NULL, 'P' },
	{ "personal", no_argument, NULL, 'A' },
	{ "client", no_argument, NULL, 'C' },
	{ "public", no_argument, NULL, 'U' },
	{ "first-party", no_argument, NULL, 'F' },
	{ "resource-server", no_argument, NULL, 'R' },
	{ "openid", no_argument, NULL, 'O' },
	{ "id-token-alg", required_argument, NULL, 'I' },
	{ "require-nonce", no_argument, NULL, 'N' },
	{ "post-logout-redirect", required_argument, NULL, 'L' },
	{ "no-remember-consent", no_argument, NULL, 'K' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static int
cmd_client(int argc, char **argv)
{
	struct client_spec	spec;
	struct app		app;
	char			id[UUID_TEXT_LEN + 1];
	char			secret[SECRET_TEXT_LEN + 1];
	int			c, kinds = 0, rc;

	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return argc == 2 ? client_list() : usage(usage_client, 1);
	if (argc >= 2 && strcmp(argv[1], "revoke") == 0)
		return client_revoke(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "show") == 0)
		return client_show(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "update") == 0)
		return client_update(argc, argv);
	memset(&spec, 0, sizeof(spec));
	while ((c = getopt_long(argc, argv, "", client_opts, NULL)) != -1) {
		switch (c) {
		case 'n': spec.name = optarg; break;
		case 'u': spec.user_id = optarg; break;
		case 's': spec.scopes = optarg; break;
		case 'F': spec.first_party = 1; break;
		case 'R': spec.resource_server = 1; break;
		case 'O': spec.openid = 1; break;
		case 'I': spec.id_token_alg = optarg; break;
		case 'N': spec.require_nonce = 1; break;
		case 'K': spec.no_remember_consent = 1; break;
		case 'P': spec.kind = CLIENT_PASSWORD; kinds++; break;
		case 'A': spec.kind = CLIENT_PERSONAL; kinds++; break;
		case 'C': spec.kind = CLIENT_CREDENTIALS; kinds++; break;
		case 'U': spec.is_public = 1; kinds++; break;
		case 'r':
			if (spec.nredirects == sizeof(spec.redirects) /
			    sizeof(spec.redirects[0]))
				return fail("too many --redirect");
			spec.redirects[spec.nredirects++] = optarg;
			break;
		case 'L':
			if (spec.npost_logout == sizeof(spec.post_logout) /
			    sizeof(spec.post_logout[0]))
				return fail("too many --post-logout-redirect");
			spec.post_logout[spec.npost_logout++] = optarg;
			break;
		default:
			return usage(usage_client, c == 'h' ? 0 : 1);
		}
	}
	if (optind != argc)
		return usage(usage_client, 1);
	if (kinds > 1)
		return fail("choose one of --password, --personal, --client, "
		    "--public");
	if (open_app(&app, 0) == -1)
		return 1;
	rc = admin_client_create(&app, &spec, id, secret, err, sizeof(err));
	app_free(&app);
	if (rc == -1)
		return fail(err);
	printf("Client ID: %s\n", id);
	if (secret[0] != '\0')
		printf("Client secret: %s\n", secret);
	explicit_bzero(secret, sizeof(secret));
	return 0;
}

static const char usage_user[] =
"usage: cpassport user add --email EMAIL [--name NAME] [--scopes a,b|*]\n"
"                          [--email-verified]\n"
"       cpassport user list\n"
"       cpassport user passwd ID\n"
"       cpassport user revoke ID\n"
"       cpassport user claim ID [NAME=VALUE]... [--unset NAME]...\n"
"       cpassport user claims ID\n"
"       cpassport user verify-email ID | unverify-email ID\n"
"The password is read from a prompt (no echo) or one line of stdin.\n"
"passwd ends the user's sessions, codes and tokens except personal access\n"
"tokens; revoke ends all of them, personal access tokens included.\n"
"--scopes lists the scopes the user holds; * holds them all.\n"
"A claim VALUE is JSON when it parses as a JSON value (42, true, [1,2],\n"
"{\"a\":1}, \"text\"), else a string; the config's claim lines say which\n"
"scope releases it.\n";

static int
user_add(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, NULL, 'e' },
		{ "name", required_argument, NULL, 'n' },
		{ "scopes", required_argument, NULL, 's' },
		{ "email-verified", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*email = NULL, *name = NULL, *scopes = NULL;
	char		*pw, *id = NULL;
	struct app	 app;
	int		 c, rc, verified = 0;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'e')
			email = optarg;
		else if (c == 'n')
			name = optarg;
		else if (c == 's')
			scopes = optarg;
		else if (c == 'v')
			verified = 1;
		else
			return usage(usage_user, c == 'h' ? 0 : 1);
	}
	if (optind != argc || email == NULL)
		return usage(usage_user, 1);
	if (open_app(&app, 0) == -1)
		return 1;
	if ((pw = read_password("Password: ")) == NULL) {
		app_free(&app);
		return fail("no password given");
	}
	rc = admin_user_add(&app, email, name, scopes, pw, &id, err,
	    sizeof(err));
	free_password(pw);
	if (rc == 0 && verified)
		rc = admin_user_email_verified(&app, id, 1, err, sizeof(err));
	app_free(&app);
	if (rc == -1) {
		if (id != NULL)
			printf("User ID: %s (e-mail not marked verified)\n", id);
		free(id);
		return fail(err);
	}
	printf("User ID: %s\n", id);
	free(id);
	return 0;
}

static int
user_list(void)
{
	struct app		 app;
	struct arena		*a;
	struct user_rows	 rows;
	struct user_list_row	*u;
	enum db_status		 s;
	size_t			 i;

	if (open_app(&app, 0) == -1)
		return 1;
	a = arena_new();
	if ((s = db_user_list(a, app.db, &rows)) != DB_OK) {
		admin_db_error(&app, s, err, sizeof(err));
		arena_release(a);
		app_free(&app);
		return fail(err);
	}
	printf("%-6s  %-32s  %-24s  %s\n", "ID", "EMAIL", "NAME", "SCOPES");
	for (i = 0; i < rows.n; i++) {
		u = &rows.v[i];
		printf("%-6s  %-32s  %-24s  %s\n", u->id, u->email, u->name,
		    u->scopes);
	}
	arena_release(a);
	app_free(&app);
	return 0;
}

static int
user_passwd(int argc, char **argv)
{
	struct app	 app;
	char		*pw;
	int		 rc;

	if (argc != 3 || argv[2][0] == '-')
		return usage(usage_user, argc == 3 &&
		    strcmp(argv[2], "--help") == 0 ? 0 : 1);
	if (open_app(&app, 0) == -1)
		return 1;
	if ((pw = read_password("New password: ")) == NULL) {
		app_free(&app);
		return fail("no password given");
	}
	rc = admin_user_passwd(&app, argv[2], pw, err, sizeof(err));
	free_password(pw);
	app_free(&app);
	if (rc == -1)
		return fail(err);
	printf("password of user %s changed; its sessions, codes and tokens "
	    "ended (personal access tokens kept)\n", argv[2]);
	return 0;
}

static int
user_revoke(int argc, char **argv)
{
	struct user_revoke_counts	c;
	struct app			app;
	int				rc;

	if (argc != 3 || argv[2][0] == '-')
		return usage(usage_user, argc == 3 &&
		    strcmp(argv[2], "--help") == 0 ? 0 : 1);
	if (open_app(&app, 0) == -1)
		return 1;
	rc = admin_user_revoke(&app, argv[2], &c, err, sizeof(err));
	app_free(&app);
	if (rc == -1)
		return fail(err);
	printf("user %s: ended %ld sessions, %ld codes, %ld access tokens, "
	    "%ld refresh tokens, %ld remembered consents\n", argv[2],
	    c.sessions, c.codes, c.access, c.refresh, c.consents);
	return 0;
}

/* user claim ID [NAME=VALUE]... [--unset NAME]... */
static int
user_claim(int argc, char **argv)
{
	struct app	  app;
	const char	**set, **unset;
	size_t		  nset = 0, nunset = 0;
	int		  i, rc;

	if (argc < 4 || argv[2][0] == '-')
		return usage(usage_user, 1);
	set = xcalloc((size_t)argc, sizeof(*set));
	unset = xcalloc((size_t)argc, sizeof(*unset));
	for (i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--unset") == 0 && i + 1 < argc)
			unset[nunset++] = argv[++i];
		else if (argv[i][0] != '-')
			set[nset++] = argv[i];
		else {
			free(set);
			free(unset);
			return usage(usage_user, 1);
		}
	}
	if (open_app(&app, 0) == -1) {
		free(set);
		free(unset);
		return 1;
	}
	rc = admin_user_claims(&app, argv[2], set, nset, unset, nunset, err,
	    sizeof(err));
	free(set);
	free(unset);
	app_free(&app);
	if (rc == -1)
		return fail(err);
	printf("user %s: %zu claims set, %zu removed\n", argv[2], nset,
	    nunset);
	return 0;
}

/* user claims ID: NAME and JSON VALUE, one claim a line. */
static int
user_claims(int argc, char **argv)
{
	struct app		 app;
	struct arena		*a;
	struct user_claim_rows	 rows;
	enum db_status		 s;
	size_t			 i;
	int			 found;

	if (argc != 3 || argv[2][0] == '-')
		return usage(usage_user, 1);
	if (!id_valid(argv[2]))
		return fail("invalid user id");
	if (open_app(&app, 0) == -1)
		return 1;
	if ((s = db_user_exists(app.db, argv[2], &found)) != DB_OK || !found) {
		if (s != DB_OK)
			admin_db_error(&app, s, err, sizeof(err));
		else
			snprintf(err, sizeof(err), "no user with id %s", argv[2]);
		app_free(&app);
		return fail(err);
	}
	a = arena_new();
	if ((s = db_user_claim_list(a, app.db, argv[2], &rows)) != DB_OK) {
		admin_db_error(&app, s, err, sizeof(err));
		arena_release(a);
		app_free(&app);
		return fail(err);
	}
	printf("%-24s  %s\n", "NAME", "VALUE");
	for (i = 0; i < rows.n; i++)
		printf("%-24s  %s\n", rows.v[i].name, rows.v[i].value);
	arena_release(a);
	app_free(&app);
	return 0;
}

/* user verify-email ID, user unverify-email ID */
static int
user_verify_email(int argc, char **argv, int verified)
{
	struct app	app;
	int		rc;

	if (argc != 3 || argv[2][0] == '-')
		return usage(usage_user, 1);
	if (open_app(&app, 0) == -1)
		return 1;
	rc = admin_user_email_verified(&app, argv[2], verified, err,
	    sizeof(err));
	app_free(&app);
	if (rc == -1)
		return fail(err);
	printf("user %s: e-mail %s\n", argv[2], verified ? "verified" :
	    "not verified");
	return 0;
}

static int
cmd_user(int argc, char **argv)
{
	if (argc < 2)
		return usage(usage_user, 1);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return usage(usage_user, 0);
	if (strcmp(argv[1], "add") == 0)
		return user_add(argc - 1, argv + 1);
	if (strcmp(argv[1], "list") == 0)
		return argc == 2 ? user_list() : usage(usage_user, 1);
	if (strcmp(argv[1], "passwd") == 0)
		return user_passwd(argc, argv);
	if (strcmp(argv[1], "revoke") == 0)
		return user_revoke(argc, argv);
	if (strcmp(argv[1], "claim") == 0)
		return user_claim(argc, argv);
	if (strcmp(argv[1], "claims") == 0)
		return user_claims(argc, argv);
	if (strcmp(argv[1], "verify-email") == 0)
		return user_verify_email(argc, argv, 1);
	if (strcmp(argv[1], "unverify-email") == 0)
		return user_verify_email(argc, argv, 0);
	return usage(usage_user, 1);
}

static const char usage_scope[] =
"usage: cpassport scope add NAME DESCRIPTION\n"
"       cpassport scope list\n";

static int
cmd_scope(int argc, char **argv)
{
	struct app		 app;
	struct arena		*a;
	struct scope_rows	 rows;
	enum db_status		 s;
	size_t			 i;
	int			 rc = 0;

	if (argc == 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")))
		return usage(usage_scope, 0);
	if (!(argc == 4 && !strcmp(argv[1], "add")) &&
	    !(argc == 2 && !strcmp(argv[1], "list")))
		return usage(usage_scope, 1);
	if (open_app(&app, 0) == -1)
		return 1;
	a = arena_new();
	if (argc == 4) {
		rc = admin_scope_add(&app, argv[2], argv[3], err, sizeof(err));
		if (rc == 0)
			printf("scope %s added\n", argv[2]);
	} else if ((s = db_scope_list(a, app.db, &rows)) != DB_OK) {
		admin_db_error(&app, s, err, sizeof(err));
		rc = -1;
	} else {
		for (i = 0; i < rows.n; i++)
			printf("%-24s  %s\n", rows.v[i].name,
			    rows.v[i].description);
	}
	arena_release(a);
	app_free(&app);
	return rc == 0 ? 0 : fail(err);
}

static const char usage_token[] =
"usage: cpassport token --user ID --name NAME [--scopes a,b]\n"
"       cpassport token list --user ID\n"
"       cpassport token revoke JTI\n"
"Make a personal access token (through the newest `client --personal`);\n"
"it is printed once.  Its scopes are narrowed to what the user holds.\n";

static int
token_list(struct app *app, const char *user_id)
{
	struct arena			*a = arena_new();
	struct personal_token_rows	 rows;
	struct personal_token_row	*t;
	enum db_status			 s;
	size_t				 i;

	if ((s = db_token_personal_list(a, app->db, user_id, &rows)) !=
	    DB_OK) {
		admin_db_error(app, s, err, sizeof(err));
		arena_release(a);
		return fail(err);
	}
	printf("%-36s  %-20s  %-16s  %-16s  %-16s  %s\n", "JTI", "NAME",
	    "SCOPES", "CREATED", "EXPIRES", "REVOKED");
	for (i = 0; i < rows.n; i++) {
		t = &rows.v[i];
		printf("%-36s  %-20s  %-16s  %-16s  %-16s  %s\n", t->jti,
		    t->name, t->scopes, t->created, t->expires,
		    t->revoked ? "yes" : "no");
	}
	arena_release(a);
	return 0;
}

static int
cmd_token(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "user", required_argument, NULL, 'u' },
		{ "name", required_argument, NULL, 'n' },
		{ "scopes", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*user = NULL, *name = NULL, *scopes = NULL, *sub = NULL;
	char		 jti[UUID_TEXT_LEN + 1], *jwt = NULL;
	struct app	 app;
	int		 c, rc;

	if (argc >= 2 && (!strcmp(argv[1], "list") ||
	    !strcmp(argv[1], "revoke"))) {
		sub = argv[1];
		argc--;
		argv++;
	}
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'u')
			user = optarg;
		else if (c == 'n')
			name = optarg;
		else if (c == 's')
			scopes = optarg;
		else
			return usage(usage_token, c == 'h' ? 0 : 1);
	}
	if (sub != NULL && !strcmp(sub, "revoke")) {
		if (optind != argc - 1 || user || name || scopes)
			return usage(usage_token, 1);
	} else if (optind != argc || user == NULL)
		return usage(usage_token, 1);
	if (open_app(&app, sub == NULL) == -1)
		return 1;
	if (sub != NULL && !strcmp(sub, "list"))
		rc = token_list(&app, user);
	else if (sub != NULL) {
		if ((rc = admin_token_revoke(&app, argv[optind], err,
		    sizeof(err))) == 0)
			printf("token %s revoked\n", argv[optind]);
		else
			rc = fail(err);
	} else if (admin_token_create(&app, user, name, scopes, &jwt, jti,
	    err, sizeof(err)) == 0) {
		printf("Token ID: %s\nAccess token: %s\n", jti, jwt);
		free(jwt);
		rc = 0;
	} else
		rc = fail(err);
	app_free(&app);
	return rc;
}

static const char usage_purge[] =
"usage: cpassport purge [--expired] [--revoked]\n"
"Delete expired and/or revoked (default: both) access and refresh\n"
"tokens, codes and sessions in batches, keeping any access token a live\n"
"refresh token depends on; with --expired also ended login throttle\n"
"windows and the retired signing keys no unexpired token can need.\n";

static int
cmd_purge(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "expired", no_argument, NULL, 'e' },
		{ "revoked", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct purge_counts	pc;
	struct app		app;
	int			c, what = 0, keys, rc;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'e')
			what |= PURGE_EXPIRED;
		else if (c == 'r')
			what |= PURGE_REVOKED;
		else
			return usage(usage_purge, c == 'h' ? 0 : 1);
	}
	if (optind != argc)
		return usage(usage_purge, 1);
	if (what == 0)
		what = PURGE_EXPIRED | PURGE_REVOKED;
	if (open_app(&app, 0) == -1)
		return 1;
	rc = admin_purge(&app, what, &pc, &keys, err, sizeof(err));
	app_free(&app);
	if (rc == -1)
		return fail(err);
	printf("purged: %ld access tokens, %ld refresh tokens, %ld codes, "
	    "%ld sessions, %ld login throttle windows, %d retired keys\n",
	    pc.access, pc.refresh, pc.codes, pc.sessions, pc.login_windows,
	    keys);
	return 0;
}

static const char usage_consent[] =
"usage: cpassport consent revoke --user ID [--client ID]\n"
"Forget the scopes the user approved for the client (every client without\n"
"--client): its next authorization request shows the consent screen.\n";

static int
cmd_consent(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "user", required_argument, NULL, 'u' },
		{ "client", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*user = NULL, *client = NULL;
	struct app	 app;
	long		 n;
	int		 c, rc;

	if (argc < 2 || strcmp(argv[1], "revoke") != 0)
		return usage(usage_consent, argc == 2 &&
		    strcmp(argv[1], "--help") == 0 ? 0 : 1);
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'u')
			user = optarg;
		else if (c == 'c')
			client = optarg;
		else
			return usage(usage_consent, c == 'h' ? 0 : 1);
	}
	if (optind != argc || user == NULL)
		return usage(usage_consent, 1);
	if (open_app(&app, 0) == -1)
		return 1;
	rc = admin_consent_revoke(&app, user, client, &n, err, sizeof(err));
	app_free(&app);
	if (rc == -1)
		return fail(err);
	printf("user %s: revoked %ld remembered consents\n", user, n);
	return 0;
}

static const struct {
	const char	*name;
	int		(*fn)(int, char **);
} cmds[] = {
	{ "migrate", cmd_migrate },
	{ "keys", cmd_keys },
	{ "client", cmd_client },
	{ "user", cmd_user },
	{ "scope", cmd_scope },
	{ "token", cmd_token },
	{ "purge", cmd_purge },
	{ "consent", cmd_consent },
};

int
main(int argc, char **argv)
{
	size_t	i;
	int	argi = 1;

	log_init("cpassport");
	while (argi < argc && argv[argi][0] == '-') {
		if (!strcmp(argv[argi], "--help") || !strcmp(argv[argi], "-h"))
			return usage(usage_main, 0);
		if (!strcmp(argv[argi], "--config") && argi + 1 < argc) {
			config_arg = argv[argi + 1];
			argi += 2;
		} else if (!strncmp(argv[argi], "--config=", 9)) {
			config_arg = argv[argi] + 9;
			argi++;
		} else
			return usage(usage_main, 1);
	}
	if (argi == argc)
		return usage(usage_main, 1);
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(cmds[i].name, argv[argi]) == 0)
			return cmds[i].fn(argc - argi, argv + argi);
	fprintf(stderr, "cpassport: unknown command \"%s\"\n", argv[argi]);
	return usage(usage_main, 1);
}
