/*
 * Rehash on login: a stored hash cheaper than bcrypt_cost (12 here) is
 * rewritten at that cost after a successful password grant, a cost-4 one
 * and Laravel's old cost-10 "$2y$" alike (Laravel reads "$2y$"), and the
 * password still works; a dearer hash keeps its cost, never weakened,
 * and a wrong password changes nothing.
 */
#include <stdlib.h>

#include "token-lib.h"
#include "crypto/password.h"

static char	id[UUID_TEXT_LEN + 1], secret[SECRET_TEXT_LEN + 1];
static char	hash[256];

/* The stored hash of email, copied. */
static const char *
hash_of(struct ep *t, const char *email)
{
	const char	*h = ep_sql(t, "SELECT password FROM users WHERE "
			    "email = $1", email, NULL);

	snprintf(hash, sizeof(hash), "%s", h ? h : "");
	return hash;
}

/* A users row with a hash made at cost, as another config would. */
static void
user_at(struct ep *t, const char *email, const char *password, int cost)
{
	char	*h;

	if ((h = password_hash(password, cost)) == NULL) {
		printf("Bail out! password_hash failed\n");
		exit(1);
	}
	ep_sql(t, "INSERT INTO users (name, email, password, scopes) "
	    "VALUES ($1, $1, $2, '{read}')", email, h, NULL);
	free(h);
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Password app",
				    .kind = CLIENT_PASSWORD };
	char			 before[256];

	ep_start(&t, "bcrypt_cost = 12");
	ep_scope(&t, "read", "read things");
	ep_user(&t, "known@example.com", "read", "pw one");
	ep_client(&t, &spec, id, secret);

	user_at(&t, "cheap@example.com", "pw two", 4);
	snprintf(before, sizeof(before), "%s",
	    hash_of(&t, "cheap@example.com"));
	ep_is_int(tk_password(&t, id, secret, "cheap@example.com", "pw two",
	    NULL, NULL), 200,
	    "password-rehash-login: the cost-4 user signs in");
	hash_of(&t, "cheap@example.com");
	ep_ok(strncmp(before, "$2y$04$", 7) == 0 &&
	    strncmp(hash, "$2y$12$", 7) == 0, "password-rehash-cheaper: its "
	    "stored hash is now $2y$12$ (%.7s)", hash);
	ep_is_int(tk_password(&t, id, secret, "cheap@example.com", "pw two",
	    NULL, NULL), 200, "password-rehash-verifies: and the password "
	    "still works");

	ep_sql(&t, "INSERT INTO users (name, email, password, scopes) VALUES "
	    "('Laravel', 'laravel@example.com', $1, '{read}')",
	    "$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi",
	    NULL);
	tk_password(&t, id, secret, "laravel@example.com", "password", NULL,
	    NULL);
	ep_ok(strncmp(hash_of(&t, "laravel@example.com"), "$2y$12$", 7) == 0,
	    "password-rehash-laravel-10: Laravel's $2y$10$ row is rewritten "
	    "at 12 (Laravel reads $2y$)");

	user_at(&t, "dear@example.com", "pw three", 13);
	snprintf(before, sizeof(before), "%s",
	    hash_of(&t, "dear@example.com"));
	tk_password(&t, id, secret, "dear@example.com", "pw three", NULL, NULL);
	ep_is(hash_of(&t, "dear@example.com"), before,
	    "password-rehash-dearer-keeps-cost: a $2y$13$ hash is kept as it "
	    "is");

	ep_is_int(tk_password(&t, id, secret, "known@example.com", "wrong",
	    NULL, NULL), 400,
	    "password-rehash-wrong: a wrong password changes nothing");
	ep_ok(strncmp(hash_of(&t, "known@example.com"), "$2y$12$", 7) == 0,
	    "password-rehash-same-keeps: a cost-12 hash stays");
	return ep_finish(&t);
}
