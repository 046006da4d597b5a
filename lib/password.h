/*
 * User passwords through crypt(3) from libxcrypt.  New hashes are bcrypt
 * "$2y$" (what Laravel writes, so a shared users table keeps working);
 * verification accepts every method libxcrypt knows ($2y$, $2b$, $y$ …).
 */
#ifndef CPASSPORT_PASSWORD_H
#define CPASSPORT_PASSWORD_H

#define PASSWORD_MAX	511	/* bytes: libxcrypt refuses 512 and more */

/* Returns a fresh hash string (caller frees), or NULL on failure. */
char	*password_hash(const char *password);

/*
 * Returns 1 when password matches hash, else 0.  With hash == NULL (no
 * such user) it still spends the time of one bcrypt verification, so the
 * answer's timing does not tell whether the account exists.
 */
int	 password_verify(const char *password, const char *hash);

#endif
