/*
 * The refresh committed but its answer never reached the client, which
 * retries (a 503 invites it, RFC 6749 §5.2): within the grace period the
 * retry is invalid_grant "already rotated", not theft (RFC 9700
 * §4.14.2), and the successor of the first refresh still works.  The
 * same with the connection really cut stays in refresh-reuse.sh.
 */
#include "token-lib.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "App",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 got[32];
	struct tk_tokens	 one, lost;
	int			 user;

	ep_start(&t, NULL);
	ep_scope(&t, "read", "read things");
	ep_user(&t, "u@example.com", "read", "pw");
	ep_client(&t, &spec, id, secret);

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &one);
	/* The answer kept aside only to check the successor afterwards. */
	tk_refresh(&t, id, secret, one.rt, NULL, &lost);
	tk_refresh(&t, id, secret, one.rt, NULL, NULL);
	tk_is_answer(&t, "400:invalid_grant:refresh token already rotated",
	    "refresh-lost-commit-retry-not-theft: the retry is invalid_grant, "
	    "already rotated");
	user = tk_user_status(&t, lost.at);
	snprintf(got, sizeof(got), "%d:%d", user,
	    tk_refresh(&t, id, secret, lost.rt, NULL, NULL));
	ep_is(got, "200:200", "refresh-lost-commit-retry-not-theft: the first "
	    "refresh's successor still works");
	return ep_finish(&t);
}
