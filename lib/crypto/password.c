/*
 * User passwords through libxcrypt (crypt(5)).
 *
 * New hashes are bcrypt "$2y$" at the configured cost (bcrypt_cost), as
 * PHP's password_hash() and Laravel write them.  bcrypt only uses the
 * first 72 bytes of a password: two passwords that share those 72 bytes
 * verify against each other's hashes.  That is how PHP behaves too, so
 * hashes stay interchangeable.
 *
 * libxcrypt refuses passphrases of CRYPT_MAX_PASSPHRASE_SIZE (512) bytes
 * or more (crypt_ra fails with ERANGE): hence PASSWORD_MAX.
 */
#include <stdlib.h>
#include <string.h>

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "base/xalloc.h"
#include "crypto/password.h"

#define BCRYPT_PREFIX	"$2y$"
_Static_assert(PASSWORD_MAX < CRYPT_MAX_PASSPHRASE_SIZE,
    "PASSWORD_MAX must be below libxcrypt's CRYPT_MAX_PASSPHRASE_SIZE");
#define BCRYPT_SALT_BYTES	16
#define BCRYPT_SETTING_LEN	29	/* "$2y$NN$" and 22 salt characters */

/*
 * The process's dummy setting and the cost it was made at.  A setting
 * (no hash part) is enough: crypt(3) runs the whole bcrypt on its salt
 * and cost, and what it returns can never equal the setting itself.
 */
static char	dummy_setting[BCRYPT_SETTING_LEN + 1];
static int	dummy_cost;

static int
acceptable(const char *password)
{
	size_t	len;

	if (password == NULL)
		return 0;
	len = strnlen(password, PASSWORD_MAX + 1);
	return len > 0 && len <= PASSWORD_MAX;
}

/*
 * crypt_ra into *data (allocated by libxcrypt); the result points into it.
 * NULL when libxcrypt fails: it returns NULL or a string starting with '*'
 * (its failure token) depending on how it was built.
 */
static const char *
hash_into(const char *password, const char *setting, void **data, int *size)
{
	const char	*r;

	r = crypt_ra(password, setting, data, size);
	if (r == NULL || r[0] == '*')
		return NULL;
	return r;
}

static void
wipe(void *data, int size)
{
	if (data != NULL) {
		OPENSSL_cleanse(data, (size_t)size);
		free(data);
	}
}

char *
password_hash(const char *password, int cost)
{
	char		*salt = NULL, *hash = NULL;
	const char	*r;
	void		*data = NULL;
	int		 size = 0;

	if (!acceptable(password))
		goto fail;
	/* NULL rbytes: libxcrypt draws the salt from the OS CSPRNG. */
	salt = crypt_gensalt_ra(BCRYPT_PREFIX, cost, NULL, 0);
	if (salt == NULL)
		goto fail;
	if ((r = hash_into(password, salt, &data, &size)) == NULL)
		goto fail;
	hash = xstrdup(r);
 fail:
	wipe(data, size);
	free(salt);
	return hash;
}

const char *
password_dummy(int cost)
{
	unsigned char	 rnd[BCRYPT_SALT_BYTES];
	char		*salt;

	if (dummy_cost == cost)
		return dummy_setting;
	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		return NULL;
	salt = crypt_gensalt_ra(BCRYPT_PREFIX, cost, (const char *)rnd,
	    sizeof(rnd));
	OPENSSL_cleanse(rnd, sizeof(rnd));
	if (salt == NULL || strlen(salt) != BCRYPT_SETTING_LEN) {
		free(salt);
		return NULL;
	}
	memcpy(dummy_setting, salt, BCRYPT_SETTING_LEN + 1);
	dummy_cost = cost;
	free(salt);
	return dummy_setting;
}

int
password_verify(const char *password, const char *hash, int cost)
{
	const char	*setting, *r;
	void		*data = NULL;
	int		 size = 0, match = 0;
	size_t		 len;

	if (!acceptable(password))
		return 0;
	/* RFC 6749 §10.10: an unknown user costs what a real one costs. */
	setting = hash != NULL ? hash : password_dummy(cost);
	if (setting == NULL)
		return 0;
	if ((r = hash_into(password, setting, &data, &size)) == NULL)
		goto fail;
	len = strlen(setting);
	/* Compare in constant time; lengths are not secret. */
	if (strlen(r) == len && CRYPTO_memcmp(r, setting, len) == 0)
		match = hash != NULL;
 fail:
	wipe(data, size);
	return match;
}

/* The cost of a "$2a$", "$2b$" or "$2y$" hash; -1 for another scheme. */
static int
bcrypt_cost(const char *hash, char *variant)
{
	if (strncmp(hash, "$2", 2) != 0 || hash[2] == '\0' ||
	    strchr("aby", hash[2]) == NULL || hash[3] != '$' ||
	    hash[4] < '0' || hash[4] > '3' || hash[5] < '0' ||
	    hash[5] > '9' || hash[6] != '$')
		return -1;
	*variant = hash[2];
	return (hash[4] - '0') * 10 + (hash[5] - '0');
}

char *
password_rehash(const char *password, const char *stored, int cost)
{
	char	variant = 0;
	int	have;

	have = bcrypt_cost(stored, &variant);
	if (have >= cost && variant == 'y')
		return NULL;
	/* Never weaken: a dearer hash is rewritten at its own cost. */
	return password_hash(password, have > cost ? have : cost);
}
