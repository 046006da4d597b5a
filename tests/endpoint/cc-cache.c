/*
 * The client cache of one token.fcgi process (client_cache.h): a client
 * served once is kept, and each grant from the copy is confirmed against
 * the row in the statement that issues it, so a change of the owner's
 * scopes, the owner's or the client's revocation and a new secret hold at
 * once for the cached client (RFC 6749 §4.4, §5.2).  Across several
 * processes behind lighttpd: client-credentials.sh.
 */
#include "token-lib.h"

static char	id[UUID_TEXT_LEN + 1], secret[SECRET_TEXT_LEN + 1];

/* A client_credentials grant with Basic id:pw, asking scope or none. */
static void
grant(struct ep *t, const char *pw, const char *scope)
{
	ep_token(t, ep_basic(id, pw), "grant_type=client_credentials%s%s",
	    scope ? "&scope=" : "", scope ? scope : "");
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 spec = { .name = "Owned service",
				    .kind = CLIENT_CREDENTIALS };
	char			 owner[64], before[32], err[256];
	const char		*rotated = "rotated-secret-for-the-cache";

	ep_start(&t, "default_scope = read");
	ep_scope(&t, "read", "read things");
	ep_scope(&t, "write", "write things");
	snprintf(owner, sizeof(owner), "%s",
	    ep_user(&t, "owner@example.com", "read,write", "pw"));
	spec.user_id = owner;
	ep_client(&t, &spec, id, secret);

	grant(&t, secret, "read+write");
	tk_is_scope(&t, "200:read write", "cc-cache-warm: the client is "
	    "served and kept");
	ep_sql(&t, "UPDATE users SET scopes = '{write}' WHERE id = $1::bigint",
	    owner, NULL);
	grant(&t, secret, "read+write");
	tk_is_scope(&t, "200:write", "cc-cache-owner-scopes: the owner's "
	    "scopes changed: the cached client gets the new bound");
	ep_sql(&t, "UPDATE users SET revoked = true WHERE id = $1::bigint",
	    owner, NULL);
	grant(&t, secret, NULL);
	tk_is_error(&t, "400:invalid_grant", "cc-cache-owner-revoked: "
	    "refused at once");
	ep_sql(&t, "UPDATE users SET revoked = false, scopes = '{read}' "
	    "WHERE id = $1::bigint", owner, NULL);
	grant(&t, "wrong", NULL);
	tk_is_error(&t, "401:invalid_client", "cc-cache-wrong-secret: a "
	    "cached client with a wrong secret: invalid_client");
	grant(&t, secret, NULL);
	tk_is_scope(&t, "200:read", "cc-cache-after-wrong: the right secret "
	    "still works");
	ep_sql(&t, "UPDATE oauth_clients SET secret = "
	    "sha256(convert_to($1, 'UTF8')) WHERE id = $2::uuid", rotated, id,
	    NULL);
	grant(&t, secret, NULL);
	tk_is_error(&t, "401:invalid_client", "cc-cache-secret-changed: the "
	    "old secret is refused");
	grant(&t, rotated, NULL);
	tk_is_scope(&t, "200:read", "cc-cache-new-secret: the new one is "
	    "accepted");
	snprintf(before, sizeof(before), "%s", ep_sql(&t, "SELECT count(*) "
	    "FROM oauth_access_tokens WHERE client_id = $1::uuid", id, NULL));
	if (admin_client_revoke(&t.app, id, err, sizeof(err)) == -1) {
		printf("Bail out! client revoke: %s\n", err);
		return 1;
	}
	grant(&t, rotated, NULL);
	tk_is_error(&t, "401:invalid_client", "cc-cache-client-revoked: "
	    "cpassport client revoke holds at once");
	ep_is(ep_sql(&t, "SELECT count(*) FROM oauth_access_tokens WHERE "
	    "client_id = $1::uuid", id, NULL), before, "cc-cache-no-row-after-"
	    "revoke: no token row stored after the revocation");
	return ep_finish(&t);
}
