/*
 * A revoked refresh token gets no grace (RFC 9700 §4.14.2): the
 * revocation (RFC 7009 §2.1) was not a rotation, so presenting it is a
 * reuse of a revoked family, at once; so is a just-rotated token whose
 * family was revoked through its successor, or whose user was signed out
 * (cpassport user revoke).
 */
#include "token-lib.h"
#include "store/db_user_revoke.h"

#define REUSED	\
	"400:invalid_grant:refresh token reused: its family is revoked"

static char	id[UUID_TEXT_LEN + 1], secret[SECRET_TEXT_LEN + 1];

static void
revoke(struct ep *t, const char *token)
{
	char	body[256];

	snprintf(body, sizeof(body), "token=%s", token);
	ep_call(t, EP_REVOKE, &(struct ep_req){ .uri = "/oauth/revoke",
	    .authorization = ep_basic(id, secret), .body = body });
}

int
main(void)
{
	struct ep			 t;
	struct client_spec		 spec = { .name = "App",
					    .kind = CLIENT_PASSWORD };
	struct user_revoke_counts	 c;
	struct tk_tokens		 one, two;
	char				 user[64], err[256];

	ep_start(&t, NULL);
	ep_scope(&t, "read", "read things");
	snprintf(user, sizeof(user), "%s",
	    ep_user(&t, "u@example.com", "read", "pw"));
	ep_client(&t, &spec, id, secret);

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &one);
	revoke(&t, one.rt);
	tk_refresh(&t, id, secret, one.rt, NULL, NULL);
	tk_is_answer(&t, REUSED, "refresh-reuse-after-revoke: a revoked token "
	    "presented at once is a revoked token, no grace");

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &one);
	tk_refresh(&t, id, secret, one.rt, NULL, &two);
	revoke(&t, two.rt);
	tk_refresh(&t, id, secret, one.rt, NULL, NULL);
	tk_is_answer(&t, REUSED, "refresh-reuse-after-revoke: a just-rotated "
	    "token whose family was revoked gets no grace");

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &one);
	tk_refresh(&t, id, secret, one.rt, NULL, &two);
	if (admin_user_revoke(&t.app, user, &c, err, sizeof(err)) == -1) {
		printf("Bail out! user revoke: %s\n", err);
		return 1;
	}
	tk_refresh(&t, id, secret, one.rt, NULL, NULL);
	tk_is_answer(&t, REUSED, "refresh-reuse-after-revoke: nor one whose "
	    "user was signed out (user revoke)");
	return ep_finish(&t);
}
