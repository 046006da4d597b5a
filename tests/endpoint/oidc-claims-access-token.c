/*
 * Custom claims in access tokens (RFC 9068 §2.2.1): the ones
 * access_token_claims lists, when the token's scopes release them, next
 * to the registered claims; no standard claim; a client's own token
 * (client_credentials without an owner) none.  The read is one statement
 * of the token's issue: without its table the grant fails.
 */
#include "ep.h"

#define CONFIG "claim = department profile\n" \
	"claim = badge email\n" \
	"claim = office profile\n" \
	"access_token_claims = department badge\n"

/* A password grant for ann with scope, its token's claims (caller puts). */
static json_object *
token(struct ep *t, const char *id, const char *secret, const char *scope)
{
	ep_token(t, NULL, "grant_type=password&client_id=%s&client_secret=%s&"
	    "username=ann%%40example.com&password=pw&scope=%s", id, secret,
	    scope);
	return ep_jwt_claims(ep_json(t, "access_token"));
}

static const char *
or_null(const char *s)
{
	return s != NULL ? s : "null";
}

int
main(void)
{
	struct ep		 t;
	struct client_spec	 pw = { .name = "Password client",
				    .kind = CLIENT_PASSWORD };
	struct client_spec	 cc = { .name = "Machine",
				    .kind = CLIENT_CREDENTIALS };
	char			 id[UUID_TEXT_LEN + 1], ccid[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1];
	char			 ccsecret[SECRET_TEXT_LEN + 1], got[512];
	char			 user[32], want[128];
	json_object		*c;

	ep_start(&t, CONFIG);
	snprintf(user, sizeof(user), "%s", ep_user(&t, "ann@example.com",
	    "openid,profile,email", "pw"));
	ep_client(&t, &pw, id, secret);
	ep_client(&t, &cc, ccid, ccsecret);
	ep_sql(&t, "INSERT INTO cpassport_user_claims (user_id, name, value) "
	    "VALUES ($1, 'department', '\"R&D\"'), ($1, 'badge', '42'), "
	    "($1, 'office', '\"B2\"')", user, NULL);

	c = token(&t, id, secret, "openid+profile");
	snprintf(got, sizeof(got), "%d %s %s %s %s %s %s", t.resp.status,
	    or_null(ep_claim(c, "sub")), or_null(ep_claim(c, "department")),
	    or_null(ep_claim(c, "badge")), or_null(ep_claim(c, "office")),
	    or_null(ep_claim(c, "name")), or_null(ep_claim(c, "scope")));
	snprintf(want, sizeof(want), "200 %s R&D null null null openid "
	    "profile", user);
	ep_is(got, want,
	    "oidc-claims-access-token: profile releases department, not "
	    "badge; office is not an access-token claim; no standard claim");
	json_object_put(c);

	c = token(&t, id, secret, "openid+email");
	snprintf(got, sizeof(got), "%s %s %s", or_null(ep_claim(c, "badge")),
	    or_null(ep_claim(c, "department")), or_null(ep_claim(c, "email")));
	ep_is(got, "42 null null", "oidc-claims-access-token-email: email "
	    "releases badge, a JSON number as one");
	json_object_put(c);

	c = token(&t, id, secret, "openid");
	ep_ok(c != NULL && ep_claim(c, "department") == NULL &&
	    ep_claim(c, "badge") == NULL, "oidc-claims-access-token-ungranted: "
	    "neither claim without its scope");
	json_object_put(c);

	ep_token(&t, ep_basic(ccid, ccsecret), "grant_type=client_credentials"
	    "&scope=profile");
	c = ep_jwt_claims(ep_json(&t, "access_token"));
	ep_ok(t.resp.status == 200 && c != NULL &&
	    ep_claim(c, "department") == NULL,
	    "oidc-claims-access-token-client: a token with no user, no claim");
	json_object_put(c);

	/* The read is there: without its table, the issue fails. */
	ep_sql(&t, "ALTER TABLE cpassport_user_claims RENAME TO moved", NULL);
	c = token(&t, id, secret, "openid+profile");
	snprintf(got, sizeof(got), "%d %s", t.resp.status,
	    or_null(ep_json(&t, "error")));
	ep_is(got, "500 server_error", "oidc-claims-access-token-read: the "
	    "claims are read as the token is issued");
	json_object_put(c);
	ep_sql(&t, "ALTER TABLE moved RENAME TO cpassport_user_claims", NULL);
	return ep_finish(&t);
}
