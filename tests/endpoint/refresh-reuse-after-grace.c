/*
 * After refresh_token_grace_period, presenting a rotated refresh token
 * again is theft (RFC 9700 §4.14.2): invalid_grant, the family revoked,
 * every refresh token of it, and the successor's access and refresh
 * tokens with it.  The rotation
 * is moved back past the 1 s grace in the table instead of waiting.
 */
#include "token-lib.h"

#define REUSED	\
	"400:invalid_grant:refresh token reused: its family is revoked"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "App",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 got[64], hash[65];
	struct tk_tokens	 one, two;
	int			 user, st;

	ep_start(&t, "refresh_token_grace_period = 1");
	ep_scope(&t, "read", "read things");
	ep_user(&t, "u@example.com", "read", "pw");
	ep_client(&t, &spec, id, secret);

	tk_password(&t, id, secret, "u@example.com", "pw", "read", &one);
	tk_refresh(&t, id, secret, one.rt, NULL, &two);
	ep_sql(&t, "UPDATE oauth_refresh_tokens SET used_at = used_at - "
	    "interval '1.5 seconds' WHERE id = decode($1, 'hex')",
	    tk_sha256_hex(one.rt, hash), NULL);
	tk_refresh(&t, id, secret, one.rt, NULL, NULL);
	tk_is_answer(&t, REUSED, "refresh-reuse-after-grace-revokes-family: "
	    "reuse after the grace period is theft");
	ep_is(ep_sql(&t, "SELECT count(*) FILTER (WHERE revoked) || '/' || "
	    "count(*) FROM oauth_refresh_tokens", NULL), "2/2",
	    "refresh-reuse-after-grace-revokes-family: every refresh token of "
	    "the family is revoked");
	user = tk_user_status(&t, two.at);
	st = tk_refresh(&t, id, secret, two.rt, NULL, NULL);
	snprintf(got, sizeof(got), "%d:%d:%s", user, st,
	    ep_json(&t, "error") ? ep_json(&t, "error") : "null");
	ep_is(got, "401:400:invalid_grant", "refresh-reuse-after-grace-"
	    "revokes-family: the successor's tokens are revoked");
	return ep_finish(&t);
}
