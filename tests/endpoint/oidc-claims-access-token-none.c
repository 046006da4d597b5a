/*
 * With claims bound but no access_token_claims, issuing an access token
 * reads no claim: the grant works without the claims' table, and the
 * token has no custom claim.
 */
#include "ep.h"

int
main(void)
{
	struct ep		 t;
	struct client_spec	 pw = { .name = "Password client",
				    .kind = CLIENT_PASSWORD };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	const char		*user;
	json_object		*c;

	ep_start(&t, "claim = department profile\n");
	user = ep_user(&t, "ann@example.com", "openid,profile", "pw");
	ep_sql(&t, "INSERT INTO cpassport_user_claims (user_id, name, value) "
	    "VALUES ($1, 'department', '\"R&D\"')", user, NULL);
	ep_client(&t, &pw, id, secret);
	ep_sql(&t, "ALTER TABLE cpassport_user_claims RENAME TO moved", NULL);
	ep_token(&t, NULL, "grant_type=password&client_id=%s&client_secret=%s&"
	    "username=ann%%40example.com&password=pw&scope=openid+profile", id,
	    secret);
	c = ep_jwt_claims(ep_json(&t, "access_token"));
	ep_ok(t.resp.status == 200 && c != NULL &&
	    ep_claim(c, "department") == NULL,
	    "oidc-claims-access-token-none: no access_token_claims, no read "
	    "and no custom claim");
	json_object_put(c);
	ep_sql(&t, "ALTER TABLE moved RENAME TO cpassport_user_claims", NULL);
	return ep_finish(&t);
}
