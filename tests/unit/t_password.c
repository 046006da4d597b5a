/*
 * Unit tests for lib/crypto/password.c: bcrypt "$2y$" hashes that PHP/Laravel
 * can read and write, other libxcrypt methods, and the failure cases.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <crypt.h>

#include "crypto/password.h"
#include "tap.h"

/* Laravel's UserFactory hash of "password" (made by PHP password_hash). */
#define LARAVEL_HASH \
	"$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi"
/*
 * From PHP 8.2:
 *   php -r 'echo password_hash("correct horse battery staple",
 *       PASSWORD_BCRYPT);'
 */
#define PHP_PASSWORD	"correct horse battery staple"
#define PHP_HASH \
	"$2y$10$lqxE0p2uc82/uLvU99M3XuJ35WFBrS5NmV5yLAmvKV4vgQxvsVAeu"

/* The cost the round trips run at; the cost tests below use 12. */
#define COST	10

/* The longest password accepted: libxcrypt refuses 512 bytes and more. */
#define LIMIT	(PASSWORD_MAX < CRYPT_MAX_PASSPHRASE_SIZE - 1 ? \
		    PASSWORD_MAX : CRYPT_MAX_PASSPHRASE_SIZE - 1)

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A hash of password made by libxcrypt directly with method prefix. */
static char *
xcrypt_hash(const char *prefix, int cost, const char *password)
{
	char	*salt, *hash = NULL;
	void	*data = NULL;
	int	 size = 0;
	char	*r;

	if ((salt = crypt_gensalt_ra(prefix, cost, NULL, 0)) == NULL)
		return NULL;
	if ((r = crypt_ra(password, salt, &data, &size)) != NULL &&
	    r[0] != '*')
		hash = strdup(r);
	free(data);
	free(salt);
	return hash;
}

static void
other_method(const char *prefix)
{
	char	*h;

	h = xcrypt_hash(prefix, 0, "s3cret");
	ok(h != NULL && strncmp(h, prefix, strlen(prefix)) == 0,
	    "libxcrypt makes a %s hash", prefix);
	ok(h != NULL && password_verify("s3cret", h, COST) == 1,
	    "a %s hash verifies", prefix);
	ok(h != NULL && password_verify("s3creT", h, COST) == 0,
	    "a %s hash rejects a wrong password", prefix);
	free(h);
}

static int
has_prefix(const char *s, const char *prefix)
{
	return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

/*
 * Issue #10 item 8 (RFC 6749 §10.10: nothing may tell which accounts
 * exist): an unknown user is checked against a dummy of the configured
 * cost, made once per process with a random salt.
 */
static void
dummy_cost(void)
{
	const char	*d;
	char		 first[64];

	d = password_dummy(12);
	ok(has_prefix(d, "$2y$12$") && strlen(d) == 29,
	    "password-dummy-cost: the dummy is a $2y$12$ setting at cost 12");
	snprintf(first, sizeof(first), "%s", d ? d : "");
	d = password_dummy(12);
	ok(d != NULL && strcmp(d, first) == 0,
	    "password-dummy-once: made once per process");
	ok(strcmp(first, "$2y$12$WDfHSbEhtafOUvfTGDv2hu") != 0,
	    "password-dummy-random: not the fixed salt of old");
	ok(has_prefix(password_dummy(4), "$2y$04$"),
	    "password-dummy-cost: a cost of 4 gives a $2y$04$ dummy");
}

/* Rehash on login: up to the configured cost, never down. */
static void
rehash(void)
{
	char	*h, *r;

	h = password_hash("pw", 4);
	r = h ? password_rehash("pw", h, 12) : NULL;
	ok(has_prefix(r, "$2y$12$") && password_verify("pw", r, 12) == 1,
	    "password-rehash-cheaper: a $2y$04$ hash becomes $2y$12$");
	free(h);
	free(r);
	h = xcrypt_hash("$y$", 0, "pw");
	r = h ? password_rehash("pw", h, 12) : NULL;
	ok(has_prefix(r, "$2y$12$") && password_verify("pw", r, 12) == 1,
	    "password-rehash-other-scheme: a $y$ hash becomes $2y$12$");
	free(h);
	free(r);
	h = password_hash("pw", 12);
	ok(h != NULL && password_rehash("pw", h, 12) == NULL,
	    "password-rehash-same-keeps: a $2y$12$ hash at cost 12 stays");
	free(h);
	h = password_hash("pw", 13);
	ok(h != NULL && password_rehash("pw", h, 12) == NULL,
	    "password-rehash-dearer-keeps-cost: a $2y$13$ hash stays");
	free(h);
	h = xcrypt_hash("$2b$", 13, "pw");
	r = h ? password_rehash("pw", h, 12) : NULL;
	ok(has_prefix(h, "$2b$13$") && has_prefix(r, "$2y$13$") &&
	    password_verify("pw", r, 12) == 1,
	    "password-rehash-dearer-keeps-cost: $2b$13$ becomes $2y$13$ "
	    "(Laravel), at its own cost");
	free(h);
	free(r);
}

int
main(void)
{
	static const char	*malformed[] = {
		"", "x", "*0", "*1", "$2y$", "$2y$10$", "$2y$10$short",
		"$2y$99$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi",
		"$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/ig",
		"$2y$10$92IXUNpkjO0rOQ5byMi!Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi",
		"$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igix",
		"$9$nonsense", "$y$", "$y$j9T$",
	};
	char	*h, *h2, *big;
	double	 t0, tknown, tnull;
	size_t	 i;
	int	 bad;

	/* Round trip. */
	h = password_hash("hunter2", COST);
	ok(h != NULL, "password_hash returns a hash");
	ok(h != NULL && strncmp(h, "$2y$10$", 7) == 0 && strlen(h) == 60,
	    "it is a 60-character $2y$10$ bcrypt hash");
	ok(h != NULL && password_verify("hunter2", h, COST) == 1,
	    "the password verifies against it");
	ok(h != NULL && password_verify("hunter3", h, COST) == 0,
	    "a wrong password does not");
	ok(h != NULL && password_verify("hunter", h, COST) == 0,
	    "a prefix of the password does not");
	h2 = password_hash("hunter2", COST);
	ok(h != NULL && h2 != NULL && strcmp(h, h2) != 0,
	    "two hashes of one password differ (random salt)");
	free(h2);

	/* What PHP's password_hash() wrote. */
	ok(password_verify("password", LARAVEL_HASH, COST) == 1,
	    "Laravel's factory hash of \"password\" verifies");
	ok(password_verify("Password", LARAVEL_HASH, COST) == 0,
	    "... and rejects \"Password\"");
	ok(password_verify(PHP_PASSWORD, PHP_HASH, COST) == 1,
	    "a PHP 8.2 password_hash() vector verifies");
	ok(password_verify(PHP_PASSWORD " ", PHP_HASH, COST) == 0,
	    "... and rejects the password with a trailing space");

	/* Other methods libxcrypt knows. */
	other_method("$2b$");
	other_method("$y$");

	/* No such user: 0, after the time of one bcrypt verification. */
	t0 = now();
	ok(password_verify("hunter2", h, COST) == 1, "timing: known user");
	tknown = now() - t0;
	t0 = now();
	ok(password_verify("hunter2", NULL, COST) == 0, "NULL hash returns 0");
	tnull = now() - t0;
	ok(tnull > tknown / 4,
	    "NULL hash costs a bcrypt verification (%.1f ms vs %.1f ms)",
	    tnull * 1e3, tknown * 1e3);
	ok(password_verify("password", NULL, COST) == 0,
	    "NULL hash returns 0 for any password");
	free(h);

	/*
	 * Lengths: 1..limit bytes, where libxcrypt caps the limit below
	 * PASSWORD_MAX (see password.c).
	 */
	big = malloc(PASSWORD_MAX + 2);
	memset(big, 'a', PASSWORD_MAX + 1);
	big[PASSWORD_MAX + 1] = '\0';
	ok(password_hash(big, COST) == NULL,
	    "a password of PASSWORD_MAX+1 bytes is not hashed");
	ok(password_verify(big, LARAVEL_HASH, COST) == 0,
	    "a password of PASSWORD_MAX+1 bytes does not verify");
	big[LIMIT + 1] = '\0';
	ok(password_hash(big, COST) == NULL,
	    "a password of %d bytes is not hashed", LIMIT + 1);
	big[LIMIT] = '\0';
	h = password_hash(big, COST);
	ok(h != NULL && password_verify(big, h, COST) == 1,
	    "a password of %d bytes is accepted", LIMIT);
	/* bcrypt reads only 72 bytes; documented in password.c. */
	big[72] = '\0';
	ok(h != NULL && password_verify(big, h, COST) == 1,
	    "bcrypt uses only the first 72 bytes");
	big[71] = '\0';
	ok(h != NULL && password_verify(big, h, COST) == 0,
	    "... but all of those 72");
	free(h);
	free(big);
	ok(password_hash("", COST) == NULL, "an empty password is not hashed");
	ok(password_verify("", LARAVEL_HASH, COST) == 0,
	    "an empty password does not verify");
	ok(password_hash(NULL, COST) == NULL, "a NULL password is not hashed");
	ok(password_verify(NULL, LARAVEL_HASH, COST) == 0,
	    "a NULL password does not verify");

	/* Malformed hashes fail without crashing. */
	bad = 0;
	for (i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++)
		if (password_verify("password", malformed[i], COST) != 0) {
			printf("# accepted: %s\n", malformed[i]);
			bad++;
		}
	ok(bad == 0, "%zu malformed hashes return 0",
	    sizeof(malformed) / sizeof(malformed[0]));
	/* libxcrypt's failure token must never compare equal to itself. */
	ok(password_verify("x", "*0", COST) == 0 &&
	    password_verify("x", "*1", COST) == 0,
	    "the failure tokens *0 and *1 do not verify");

	dummy_cost();
	rehash();
	return done_testing();
}
