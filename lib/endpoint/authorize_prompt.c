/* What a request asks of a signed-in user; see authorize_prompt.h. */
#include <string.h>
#include <strings.h>

#include "endpoint/authorize_prompt.h"
#include "parse/prompt.h"
#include "parse/scope.h"
#include "store/db_consent.h"

int
authz_auth_too_old(const struct authz *a, const struct session_row *s,
    time_t now)
{
	return a->max_age > 0 && now - s->auth_time > a->max_age;
}

int
authz_needs_login(const struct authz *a, const struct session_row *s,
    time_t now)
{
	if (s == NULL || (a->prompt & PROMPT_BIT(PROMPT_LOGIN)))
		return 1;
	/* Core §3.1.2.1: max_age=0 asks for a sign-in every time. */
	if (a->max_age == 0 || authz_auth_too_old(a, s, now))
		return 1;
	return a->hint_sub != NULL && strcmp(a->hint_sub, s->user_id) != 0;
}

int
authz_needs_choice(const struct authz *a, const struct session_row *s)
{
	return (a->prompt & PROMPT_BIT(PROMPT_SELECT_ACCOUNT)) ||
	    (a->login_hint != NULL &&
	    strcasecmp(a->login_hint, s->user_email) != 0);
}

int
authz_login_goes_on(const struct authz *a)
{
	return (a->prompt & (PROMPT_BIT(PROMPT_LOGIN) |
	    PROMPT_BIT(PROMPT_SELECT_ACCOUNT))) || a->max_age >= 0 ||
	    a->hint_sub != NULL;
}

enum db_status
authz_consent_skip(struct arena *arena, struct app *app,
    const struct authz *a, const struct session_row *s, int *skip)
{
	struct scope_set	 given;
	char			*scopes;
	enum db_status		 st;
	int			 found;

	*skip = 0;
	if (a->prompt & PROMPT_BIT(PROMPT_CONSENT))
		return DB_OK;
	/* Passport's skipsAuthorization: first-party clients. */
	if (a->client.first_party) {
		*skip = 1;
		return DB_OK;
	}
	if (!a->client.remember_consent)
		return DB_OK;
	st = db_consent_find(arena, app->db, s->user_id, a->client.id,
	    &scopes, &found);
	if (st == DB_OK && found && scope_parse(scopes, &given) == 0)
		*skip = scope_within(&a->scopes, &given);
	return st;
}

enum db_status
authz_consent_remember(struct app *app, const struct authz *a,
    const struct session_row *s)
{
	char	scopes[SCOPE_MAX_TEXT];

	if (!a->client.remember_consent)
		return DB_OK;
	return db_consent_grant(app->db, s->user_id, a->client.id,
	    scope_join(&a->scopes, scopes));
}
