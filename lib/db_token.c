/* Access and refresh token rows; see db_token.h. */
#include <stdio.h>

#include "db_token.h"

enum stmt {
	STMT_INSERT_ACCESS,
	STMT_INSERT_PAIR,
	STMT__MAX
};

static const struct db_stmt stmts[STMT__MAX] = {
	[STMT_INSERT_ACCESS] = { "token_insert_access",
	    "INSERT INTO oauth_access_tokens (id, user_id, client_id, scopes, "
	    "created_at, updated_at, expires_at) VALUES ($1, $2, $3, "
	    "string_to_array($4, ' '), to_timestamp($5), to_timestamp($5), "
	    "to_timestamp($6))", 6 },
	/* One round trip per grant: the access row feeds the refresh row. */
	[STMT_INSERT_PAIR] = { "token_insert_pair",
	    "WITH a AS (INSERT INTO oauth_access_tokens (id, user_id, "
	    "client_id, scopes, created_at, updated_at, expires_at) "
	    "VALUES ($1, $2, $3, string_to_array($4, ' '), to_timestamp($5), "
	    "to_timestamp($5), to_timestamp($6)) RETURNING id) "
	    "INSERT INTO oauth_refresh_tokens (id, access_token_id, family_id, "
	    "created_at, expires_at) SELECT decode($7, 'hex'), a.id, a.id, "
	    "to_timestamp($5), to_timestamp($8) FROM a", 8 },
};

enum db_status
db_token_insert(struct db *db, const struct token_row *t)
{
	char		 iat[24], exp[24], rexp[24];
	const char	*p[8] = { t->jti, t->user_id, t->client_id, t->scopes,
			    iat, exp, t->refresh_hash, rexp };
	PGresult	*r;
	enum db_status	 s;

	snprintf(iat, sizeof(iat), "%lld", (long long)t->iat);
	snprintf(exp, sizeof(exp), "%lld", (long long)t->exp);
	snprintf(rexp, sizeof(rexp), "%lld", (long long)t->refresh_exp);
	s = db_exec(db, &stmts[t->refresh_hash != NULL ? STMT_INSERT_PAIR :
	    STMT_INSERT_ACCESS], p, &r);
	if (s == DB_OK)
		PQclear(r);
	return s;
}
