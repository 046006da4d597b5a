/*
 * A users row written by Laravel (PHP's password_hash(), bcrypt "$2y$"
 * at cost 10) verifies: the password grant answers 200.
 */
#include "token-lib.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Password client",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];

	ep_start(&t, NULL);
	ep_client(&t, &spec, id, secret);
	ep_sql(&t, "INSERT INTO users (name, email, password, scopes) "
	    "VALUES ('Laravel', 'laravel@example.com', $1, '{*}')",
	    "$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi",
	    NULL);

	ep_is_int(ep_token(&t, NULL, "grant_type=password&client_id=%s&"
	    "client_secret=%s&username=laravel%%40example.com&"
	    "password=password", id, secret), 200,
	    "token-password-laravel-hash: a $2y$ hash written by Laravel "
	    "verifies");
	return ep_finish(&t);
}
