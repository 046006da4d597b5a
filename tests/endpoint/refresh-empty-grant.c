/*
 * RFC 6749 §6: an empty original grant (no scope asked, an empty
 * default_scope) admits no scope on refresh, whatever the client and the
 * user hold, "*" included; refreshed without a scope it stays empty and
 * its tokens work.
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
	struct tk_tokens	 a, b;

	ep_start(&t, "refresh_token_grace_period = 0");
	ep_scope(&t, "read", "read things");
	ep_scope(&t, "write", "write things");
	ep_scope(&t, "admin", "admin things");
	ep_user(&t, "u@example.com", "read,write", "pw");
	ep_user(&t, "star@example.com", "*", "pw");
	ep_client(&t, &spec, id, secret);

	tk_password(&t, id, secret, "u@example.com", "pw", NULL, &a);
	ep_is(ep_json(&t, "scope"), NULL, "refresh-empty-grant: no scope "
	    "asked, none granted");
	tk_refresh(&t, id, secret, a.rt, "read write", NULL);
	tk_is_error(&t, "400:invalid_scope", "refresh-empty-grant-never-"
	    "widens: asking read write is invalid_scope");
	/* The client and the user both hold *. */
	tk_password(&t, id, secret, "star@example.com", "pw", NULL, &a);
	tk_refresh(&t, id, secret, a.rt, "admin", NULL);
	tk_is_error(&t, "400:invalid_scope", "refresh-empty-grant-never-"
	    "widens-star: * held by client and user adds nothing");
	tk_refresh(&t, id, secret, a.rt, "*", NULL);
	tk_is_error(&t, "400:invalid_scope", "refresh-empty-grant-never-"
	    "widens-star: nor may * be asked");
	tk_refresh(&t, id, secret, a.rt, NULL, &b);
	tk_is_scope(&t, "200:null", "refresh-empty-grant-held: without scope "
	    "the empty grant is kept");
	ep_is_int(tk_user_status(&t, b.at), 200, "refresh-empty-grant-held: "
	    "its access token works");
	tk_refresh(&t, id, secret, b.rt, NULL, NULL);
	tk_is_scope(&t, "200:null", "refresh-empty-grant-held: and so does "
	    "its refresh token");
	return ep_finish(&t);
}
