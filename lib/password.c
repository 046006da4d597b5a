/*
 * User passwords through libxcrypt (crypt(5)).
 *
 * New hashes are bcrypt "$2y$" at cost 10, as PHP's password_hash() and
 * Laravel write them.  bcrypt only uses the first 72 bytes of a password:
 * two passwords that share those 72 bytes verify against each other's
 * hashes.  That is how PHP behaves too, so hashes stay interchangeable.
 *
 * libxcrypt refuses passphrases of CRYPT_MAX_PASSPHRASE_SIZE (512) bytes
 * or more (crypt_ra fails with ERANGE): hence PASSWORD_MAX.
 */
#include <stdlib.h>
#include <string.h>

#include <crypt.h>
#include <openssl/crypto.h>

#include "password.h"
#include "xalloc.h"

#define BCRYPT_PREFIX	"$2y$"
#if PASSWORD_MAX >= CRYPT_MAX_PASSPHRASE_SIZE
#error "PASSWORD_MAX must be below libxcrypt's CRYPT_MAX_PASSPHRASE_SIZE"
#endif
#define BCRYPT_COST	10

/*
 * A valid $2y$10$ hash that an unknown user's attempt is checked against,
 * so that it costs one bcrypt verification like a known user's.  It came
 * from PHP's password_hash() of 32 random bytes, hex-encoded and then
 * discarded: no password matches it knowingly.
 */
static const char dummy_hash[] =
    "$2y$10$WDfHSbEhtafOUvfTGDv2huK/rjQP4fMpOp4StcYeIeg6.14cvwzQK";

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
password_hash(const char *password)
{
	char		*salt = NULL, *hash = NULL;
	const char	*r;
	void		*data = NULL;
	int		 size = 0;

	if (!acceptable(password))
		goto fail;
	/* NULL rbytes: libxcrypt draws the salt from the OS CSPRNG. */
	salt = crypt_gensalt_ra(BCRYPT_PREFIX, BCRYPT_COST, NULL, 0);
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

int
password_verify(const char *password, const char *hash)
{
	const char	*setting, *r;
	void		*data = NULL;
	int		 size = 0, match = 0;
	size_t		 len;

	if (!acceptable(password))
		return 0;
	setting = hash != NULL ? hash : dummy_hash;
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
