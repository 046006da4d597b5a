/* The oauth_scopes table; see db_scope.h. */
#include <stdlib.h>
#include <string.h>

#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_scope.h"
#include "store/db_stmts.h"

static const struct db_stmt scope_count_unknown = { "scope_count_unknown",
    "SELECT count(*) FROM unnest(string_to_array($1, ' ')) AS s(n) "
    "WHERE n <> '*' AND NOT EXISTS "
    "(SELECT 1 FROM oauth_scopes WHERE id = s.n)", 1 };
static const struct db_stmt scope_add = { "scope_add",
    "INSERT INTO oauth_scopes (id, description) VALUES ($1, $2)", 2 };
static const struct db_stmt scope_list = { "scope_list",
    "SELECT id, description FROM oauth_scopes ORDER BY id", 0 };

static const struct db_stmt *const stmts[] = {
	&scope_count_unknown, &scope_add, &scope_list,
};

const struct db_stmt_table db_scope_stmts = DB_STMTS("db_scope.c", stmts);

static const struct db_col scope_cols[] = {
	DB_COL(DB_TEXT, struct scope_row, name),
	DB_COL(DB_TEXT, struct scope_row, description),
};
static const struct db_row scope_row = DB_ROW(struct scope_row, scope_cols);

enum db_status
db_scope_known(struct db *db, const struct scope_set *set, int *all_known)
{
	const char	*p[1];
	char		 joined[SCOPE_MAX_TEXT];
	long		 unknown = 0;
	enum db_status	 s;

	*all_known = 1;
	if (set->n == 0 || (set->n == 1 && !strcmp(set->items[0], "*")))
		return DB_OK;
	p[0] = scope_join(set, joined);
	s = db_count(db, DB_READ, &scope_count_unknown, p, &unknown);
	*all_known = unknown == 0;
	return s;
}

enum db_status
db_scope_add(struct db *db, const char *name, const char *description)
{
	const char	*p[2] = { name, description };
	return db_run(db, &scope_add, p);
}

enum db_status
db_scope_list(struct arena *a, struct db *db, struct scope_rows *out)
{
	void		*v;
	enum db_status	 s;

	s = db_select_rows(a, db, &scope_list, NULL, &scope_row, &v,
	    &out->n);
	out->v = v;
	return s;
}

