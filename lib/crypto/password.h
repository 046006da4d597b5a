/*
 * User passwords through crypt(3) from libxcrypt.  New hashes are bcrypt
 * "$2y$" (what Laravel writes, so a shared users table keeps working) at
 * the configured cost; verification accepts every method libxcrypt knows
 * ($2y$, $2b$, $y$ …).
 */
#ifndef CPASSPORT_PASSWORD_H
#define CPASSPORT_PASSWORD_H

#define PASSWORD_MAX	511	/* bytes: libxcrypt refuses 512 and more */

/* Returns a fresh $2y$ hash at cost (caller frees), or NULL on failure. */
char	*password_hash(const char *password, int cost);

/*
 * Returns 1 when password matches hash, else 0.  With hash == NULL (no
 * such user) it checks against password_dummy(cost) instead, so the
 * answer costs what a real user's costs and its timing does not tell
 * whether the account exists.
 */
int	 password_verify(const char *password, const char *hash, int cost);

/*
 * The bcrypt setting ("$2y$NN$" and a salt from RAND_bytes) an unknown
 * user is checked against: made once per process (again only if cost
 * changes); no password matches it.  NULL when no random bytes.
 */
const char *password_dummy(int cost);

/*
 * After password verified against stored: a fresh hash to store instead
 * (caller frees), or NULL to keep stored.  A hash of another scheme or a
 * bcrypt hash cheaper than cost is rehashed at cost; a dearer one keeps
 * its own cost (never weakened), and is rewritten only from $2a$/$2b$ to
 * the $2y$ that Laravel's BcryptHasher accepts.
 */
char	*password_rehash(const char *password, const char *stored, int cost);

#endif
