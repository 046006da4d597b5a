/*
 * The CLI's half of custom claims (lib/admin/user_claims.c): a value is
 * JSON when it parses as a JSON value, else a string; bounded, UTF-8,
 * never null or empty; names as the table's CHECK, registered ones
 * refused (Core §5.1); all of a command or nothing; email_verified set
 * and cleared.
 */
#include "ep.h"
#include "admin/user_claims.h"
#include "base/arena.h"

static char	err[256];

/* admin_claim_value() of raw, or "ERR <message>". */
static const char *
value(const char *raw)
{
	static char	 out[CLAIM_VALUE_MAX + 64];
	struct arena	*a = arena_new();
	char		*v;

	err[0] = '\0';
	v = admin_claim_value(a, raw, err, sizeof(err));
	snprintf(out, sizeof(out), "%s%s", v != NULL ? "" : "ERR ",
	    v != NULL ? v : err);
	arena_release(a);
	return out;
}

/* admin_user_claims(): 0, or -1 with err. */
static int
claims(struct ep *t, const char *id, const char *set, const char *unset)
{
	const char	*s[1] = { set }, *u[1] = { unset };

	err[0] = '\0';
	return admin_user_claims(&t->app, id, s, set != NULL, u,
	    unset != NULL, err, sizeof(err));
}

static void
values(void)
{
	char	big[CLAIM_VALUE_MAX + 2];

	ep_is(value("42"), "42", "claim-value-number: JSON number");
	ep_is(value("true"), "true", "claim-value-boolean: JSON true");
	ep_is(value("[1, 2]"), "[1,2]", "claim-value-array: JSON array");
	ep_is(value("{\"a\": \"x/y\"}"), "{\"a\":\"x/y\"}",
	    "claim-value-object: JSON object, '/' unescaped");
	ep_is(value("\"quoted\""), "\"quoted\"", "claim-value-json-string");
	ep_is(value("R&D"), "\"R&D\"", "claim-value-string: not JSON, a string");
	ep_is(value("01"), "\"01\"", "claim-value-strict: 01 is no JSON number");
	ep_is(value("[1,"), "\"[1,\"", "claim-value-partial: a string");
	ep_is(value("null"), "ERR a claim value may not be null (remove a "
	    "claim with --unset NAME)", "claim-value-null: refused (Core "
	    "§5.3.2: left out, never null)");
	ep_is(value(""), "ERR a claim value is 1-2048 bytes (remove a claim "
	    "with --unset NAME)", "claim-value-empty: refused");
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	ep_ok(strncmp(value(big), "ERR a claim value is 1-2048", 27) == 0,
	    "claim-value-long: 2049 bytes refused");
	big[CLAIM_VALUE_MAX - 2] = '\0';
	ep_ok(strlen(value(big)) == CLAIM_VALUE_MAX,
	    "claim-value-bound: a 2046-byte string is 2048 as JSON, taken");
	big[CLAIM_VALUE_MAX - 2] = 'x';
	big[CLAIM_VALUE_MAX] = '\0';
	ep_ok(strncmp(value(big), "ERR a claim value is at most 2048 bytes "
	    "as JSON", 44) == 0, "claim-value-bound-json: 2048 bytes quoted "
	    "are over");
	ep_ok(strncmp(value("caf\xe9"), "ERR ", 4) == 0,
	    "claim-value-utf8: Latin-1 bytes refused");
	ep_is(value("caf\xc3\xa9"), "\"caf\xc3\xa9\"",
	    "claim-value-utf8-ok: UTF-8 kept");
}

int
main(void)
{
	struct ep	 t;
	char		 id[32];

	ep_start(&t, NULL);
	values();
	snprintf(id, sizeof(id), "%s", ep_user(&t, "ann@example.com",
	    "openid", "pw"));
	ep_sql(&t, "UPDATE users SET updated_at = '2020-01-01+00' WHERE id = $1",
	    id, NULL);

	ep_ok(claims(&t, id, "department=R&D", NULL) == 0 &&
	    !strcmp(ep_sql(&t, "SELECT value::text FROM cpassport_user_claims "
	    "WHERE user_id = $1 AND name = 'department'", id, NULL), "\"R&D\""),
	    "claim-set: stored as a JSON string");
	ep_is(ep_sql(&t, "SELECT updated_at > now() - interval '1 hour' FROM "
	    "users WHERE id = $1", id, NULL), "t",
	    "claim-set-updated-at: the user is marked changed (Core §5.1)");
	ep_ok(claims(&t, id, "department=42", NULL) == 0 &&
	    !strcmp(ep_sql(&t, "SELECT value::text FROM cpassport_user_claims "
	    "WHERE user_id = $1 AND name = 'department'", id, NULL), "42"),
	    "claim-set-again: replaced");
	ep_ok(claims(&t, id, "email=x@example.com", NULL) == -1 &&
	    !strcmp(err, "\"email\" is a registered claim name: the server "
	    "sets it, a custom claim may not"),
	    "claim-registered: email refused (Core §5.1)");
	ep_ok(claims(&t, id, "sub=1", NULL) == -1 && strstr(err, "registered"),
	    "claim-registered-sub: sub refused (Core §2)");
	ep_ok(claims(&t, id, "9lives=1", NULL) == -1 &&
	    !strncmp(err, "bad claim name \"9lives\"", 23),
	    "claim-bad-name: a name starting with a digit refused");
	ep_ok(claims(&t, id, "novalue", NULL) == -1 &&
	    !strcmp(err, "expected NAME=VALUE, not \"novalue\""),
	    "claim-no-equals: NAME=VALUE expected");
	ep_ok(claims(&t, "424242", "team=a", NULL) == -1 &&
	    !strcmp(err, "no user with id 424242"), "claim-unknown-user");
	ep_ok(claims(&t, "x1", "team=a", NULL) == -1 &&
	    !strcmp(err, "invalid user id"), "claim-bad-user-id");
	ep_ok(claims(&t, id, "team=a", "nosuch") == -1 &&
	    !strcmp(err, "user 1 has no claim \"nosuch\"") &&
	    !strcmp(ep_sql(&t, "SELECT count(*) FROM cpassport_user_claims "
	    "WHERE name = 'team'", NULL), "0"),
	    "claim-all-or-nothing: a failed unset keeps the set undone");
	ep_ok(claims(&t, id, NULL, "department") == 0 &&
	    !strcmp(ep_sql(&t, "SELECT count(*) FROM cpassport_user_claims "
	    "WHERE user_id = $1", id, NULL), "0"), "claim-unset: removed");

	ep_ok(admin_user_email_verified(&t.app, id, 1, err, sizeof(err)) == 0 &&
	    !strcmp(ep_sql(&t, "SELECT email_verified FROM users WHERE id = $1",
	    id, NULL), "t"), "verify-email: email_verified set");
	ep_ok(admin_user_email_verified(&t.app, id, 0, err, sizeof(err)) == 0 &&
	    !strcmp(ep_sql(&t, "SELECT email_verified FROM users WHERE id = $1",
	    id, NULL), "f"), "unverify-email: email_verified cleared");
	ep_ok(admin_user_email_verified(&t.app, "424242", 1, err,
	    sizeof(err)) == -1 && !strcmp(err, "no user with id 424242"),
	    "verify-email-unknown-user");
	return ep_finish(&t);
}
