/*
 * claims_add(): what each scope releases (Core §5.4), custom claims under
 * the scope the config binds them to, only access_token_claims in an
 * access token, a claim bound to no scope never, and a member the caller
 * set never replaced.
 */
#include "ep.h"
#include "grant/claims.h"
#include "base/arena.h"

#define CONFIG "claim = department profile\n" \
	"claim = badge email\n" \
	"access_token_claims = department\n"

/* claims_add() for scopes into a fresh object, as compact JSON text. */
static const char *
claims(struct ep *t, const char *user, const char *scopes,
    enum claims_use use, const char *preset)
{
	static char		 out[4096];
	struct scope_set	 set;
	struct arena		*a = arena_new();
	json_object		*o = json_object_new_object();
	enum db_status		 s;

	if (preset != NULL)
		json_object_object_add(o, "name",
		    json_object_new_string(preset));
	if (scope_parse(scopes, &set) == -1)
		set.n = 0;
	s = claims_add(a, &t->app, user, &set, use, o);
	snprintf(out, sizeof(out), "%s%s", s == DB_OK ? "" : "error ",
	    json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
	arena_release(a);
	return out;
}

int
main(void)
{
	struct ep	 t;
	const char	*id, *when;
	char		 prof[256], all[512];

	ep_start(&t, CONFIG);
	id = ep_user(&t, "ann@example.com", "openid profile email", "pw");
	ep_sql(&t, "UPDATE users SET name = 'Ann Example', updated_at = "
	    "'2026-01-02 03:04:05+00' WHERE id = $1", id, NULL);
	ep_sql(&t, "INSERT INTO cpassport_user_claims (user_id, name, value, "
	    "updated_at) VALUES ($1, 'department', '\"R&D\"', "
	    "'2025-01-01+00'), ($1, 'badge', '{\"n\": 7}', '2025-01-01+00'), "
	    "($1, 'unbound', 'true', '2025-01-01+00')", id, NULL);
	when = "1767323045";

	ep_is(claims(&t, id, "openid", CLAIMS_USERINFO, NULL), "{}",
	    "claims-openid-only: no claim beyond sub (Core §5.4)");
	snprintf(prof, sizeof(prof), "{\"department\":\"R&D\","
	    "\"name\":\"Ann Example\",\"updated_at\":%s}", when);
	ep_is(claims(&t, id, "openid profile", CLAIMS_USERINFO, NULL), prof,
	    "claims-profile: name, updated_at and the claim bound to profile");
	ep_is(claims(&t, id, "openid email", CLAIMS_ID_TOKEN, NULL),
	    "{\"badge\":{\"n\":7},\"email\":\"ann@example.com\","
	    "\"email_verified\":false}",
	    "claims-email: email, email_verified and the claim bound to email");
	ep_sql(&t, "UPDATE users SET email_verified = true WHERE id = $1",
	    id, NULL);
	ep_is(claims(&t, id, "email", CLAIMS_USERINFO, NULL),
	    "{\"badge\":{\"n\":7},\"email\":\"ann@example.com\","
	    "\"email_verified\":true}",
	    "claims-email-verified: the column's value (Core §5.1)");
	snprintf(all, sizeof(all), "{\"badge\":{\"n\":7},"
	    "\"department\":\"R&D\",\"name\":\"Ann Example\",\"updated_at\":%s,"
	    "\"email\":\"ann@example.com\",\"email_verified\":true}", when);
	ep_is(claims(&t, id, "*", CLAIMS_USERINFO, NULL), all,
	    "claims-wildcard: \"*\" grants every scope; unbound never");
	ep_is(claims(&t, id, "openid profile email", CLAIMS_ACCESS_TOKEN,
	    NULL), "{\"department\":\"R&D\"}",
	    "claims-access-token: only access_token_claims, no standard one");
	ep_is(claims(&t, id, "openid email", CLAIMS_ACCESS_TOKEN, NULL), "{}",
	    "claims-access-token-ungranted: its scope not granted, absent");
	ep_is(claims(&t, id, "profile", CLAIMS_USERINFO, "Preset"),
	    "{\"name\":\"Preset\",\"department\":\"R&D\","
	    "\"updated_at\":1767323045}",
	    "claims-no-overwrite: a member the caller set stays");

	ep_sql(&t, "UPDATE cpassport_user_claims SET updated_at = "
	    "'2026-06-01 00:00:00+00' WHERE user_id = $1 AND name = 'unbound'",
	    id, NULL);
	ep_is(claims(&t, id, "profile", CLAIMS_ACCESS_TOKEN, NULL),
	    "{\"department\":\"R&D\"}",
	    "claims-access-token-profile: the same claim under profile");
	ep_ok(strstr(claims(&t, id, "profile", CLAIMS_USERINFO, NULL),
	    "\"updated_at\":1780272000") != NULL,
	    "claims-updated-at-custom: a later custom claim's change counts");
	ep_ok(strstr(claims(&t, id, "profile", CLAIMS_USERINFO, NULL),
	    "\"name\"") != NULL, "claims-name-set: name present");
	ep_sql(&t, "UPDATE users SET name = '' WHERE id = $1", id, NULL);
	ep_ok(strstr(claims(&t, id, "profile", CLAIMS_USERINFO, NULL),
	    "\"name\"") == NULL,
	    "claims-name-empty: left out, not sent empty (Core §5.3.2)");
	ep_is(claims(&t, "999999", "profile email", CLAIMS_USERINFO, NULL),
	    "{}", "claims-no-user: nothing added, no error");
	return ep_finish(&t);
}
