/*
 * Every prepared statement of lib/store/, checked without a database.
 *
 * Its declared parameter count is the highest $n of its SQL, and each of
 * $1 … $n appears: PQprepare() with a count above the highest fails on
 * the untyped extra parameter, and PQexecPrepared() with one below sends
 * too few values ("bind message supplies …"), either only when the
 * statement first runs.  Names are unique across every table: db.c takes
 * a name the session has prepared already (42P05) as its own, so a
 * second statement of the same name would run the first one's SQL.  And
 * all of them fit in the DB_MAX_PREPARED one connection holds.
 */
#include <stdio.h>
#include <string.h>

#include "store/db_stmts.h"
#include "tap.h"

#define MAX_PARAM	99	/* no statement comes near */

/*
 * The problems of one statement as text in why ("" when none).  A $n
 * inside a quoted literal or identifier is not a parameter.
 */
static int
stmt_problems(const struct db_stmt *st, char *why, size_t len)
{
	int		 seen[MAX_PARAM + 1] = { 0 };
	const char	*s;
	char		 quote = 0;
	int		 n, top = 0, bad = 0;
	size_t		 used;

	why[0] = '\0';
	if (st->name == NULL || st->name[0] == '\0' || st->sql == NULL) {
		snprintf(why, len, "no name or no SQL");
		return 1;
	}
	for (s = st->sql; *s != '\0'; s++) {
		if (quote != 0) {
			if (*s == quote)
				quote = 0;
			continue;
		}
		if (*s == '\'' || *s == '"') {
			quote = *s;
			continue;
		}
		if (*s != '$' || s[1] < '0' || s[1] > '9')
			continue;
		for (n = 0; s[1] >= '0' && s[1] <= '9'; s++)
			n = n > MAX_PARAM ? n : n * 10 + (s[1] - '0');
		if (n < 1 || n > MAX_PARAM) {
			snprintf(why, len, "$%d out of range", n);
			return 1;
		}
		seen[n] = 1;
		top = n > top ? n : top;
	}
	if (top != st->nparams) {
		used = strlen(why);
		snprintf(why + used, len - used, "declares %d, highest is $%d",
		    st->nparams, top);
		bad++;
	}
	for (n = 1; n <= top; n++)
		if (!seen[n]) {
			used = strlen(why);
			snprintf(why + used, len - used, "%s$%d missing",
			    used > 0 ? "; " : "", n);
			bad++;
		}
	return bad;
}

/* The first name two statements of tables (NULL-terminated) share. */
static const char *
duplicate_name(const struct db_stmt_table *const *tables)
{
	const struct db_stmt_table *const	*t, *const *u;
	const char				*a, *b;
	size_t					 i, j;

	for (t = tables; *t != NULL; t++)
		for (i = 0; i < (*t)->n; i++)
			for (u = t; *u != NULL; u++)
				for (j = u == t ? i + 1 : 0; j < (*u)->n; j++) {
					a = (*t)->v[i]->name;
					b = (*u)->v[j]->name;
					if (a != NULL && b != NULL &&
					    strcmp(a, b) == 0)
						return a;
				}
	return NULL;
}

static int
is_bad(const struct db_stmt *st)
{
	char	why[256];

	return stmt_problems(st, why, sizeof(why)) > 0;
}

/* The checks themselves catch what they are for. */
static void
check_checker(void)
{
	static const struct db_stmt good[] = {
		{ "good_reused", "SELECT $2, $1, $2::int", 2 },
		{ "good_none", "SELECT 1", 0 },
		{ "good_twelve", "SELECT $1, $2, $3, $4, $5, $6, $7, $8, "
		    "$9, $10, $11, $12", 12 },
	};
	static const struct db_stmt bad[] = {
		{ "bad_excess", "SELECT $1", 2 },
		{ "bad_short", "SELECT $1, $2", 1 },
		{ "bad_gap", "SELECT $1, $3", 3 },
		{ "bad_quoted", "SELECT '$1', \"$2\"", 2 },
		{ "bad_digits", "SELECT $1, $2, $3, $4, $5, $6, $7, $8, "
		    "$9, $10, $11, $12", 1 },
		{ "bad_zero", "SELECT $0", 0 },
		{ "", "SELECT 1", 0 },
		{ NULL, NULL, 0 },
	};
	static const struct db_stmt same = { "same", "SELECT 1", 0 };
	static const struct db_stmt other = { "other", "SELECT 2", 0 };
	static const struct db_stmt again = { "same", "SELECT 3", 0 };
	static const struct db_stmt *const one[] = { &same };
	static const struct db_stmt *const two[] = { &other, &again };
	static const struct db_stmt *const three[] = {
		&good[0], &good[1], &good[2],
	};
	static const struct db_stmt_table ta = DB_STMTS("a", one);
	static const struct db_stmt_table tb = DB_STMTS("b", two);
	static const struct db_stmt_table tc = DB_STMTS("c", three);
	const struct db_stmt_table *const dup[] = { &ta, &tc, &tb, NULL };
	const struct db_stmt_table *const uniq[] = { &ta, &tc, NULL };
	size_t	i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ok(!is_bad(&good[i]), "db-statements-checker: %s passes",
		    good[i].name);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ok(is_bad(&bad[i]), "db-statements-checker: %s is caught",
		    bad[i].name == NULL ? "(null)" : *bad[i].name == '\0' ?
		    "(empty name)" : bad[i].name);
	ok(duplicate_name(dup) != NULL &&
	    strcmp(duplicate_name(dup), "same") == 0,
	    "db-statements-checker: a name in two tables is caught");
	ok(duplicate_name(uniq) == NULL,
	    "db-statements-checker: distinct names pass");
}

int
main(void)
{
	const struct db_stmt_table *const	*t;
	const char				*dup;
	char					 why[256];
	size_t					 i, total = 0, ntables = 0;

	check_checker();
	for (t = db_stmt_tables; *t != NULL; t++) {
		ntables++;
		ok((*t)->n > 0, "db-statements: %s has statements",
		    (*t)->module);
		for (i = 0; i < (*t)->n; i++, total++) {
			stmt_problems((*t)->v[i], why, sizeof(why));
			ok(why[0] == '\0', "db-statements: %s %s: its SQL "
			    "uses the %d parameters it declares%s%s",
			    (*t)->module, (*t)->v[i]->name ? (*t)->v[i]->name :
			    "(null)", (*t)->v[i]->nparams, *why ? ": " : "",
			    why);
		}
	}
	ok(ntables > 0, "db-statements: %zu tables walked", ntables);
	dup = duplicate_name(db_stmt_tables);
	ok(dup == NULL, "db-statements: names unique across every table%s%s",
	    dup ? ": " : "", dup ? dup : "");
	ok(total <= DB_MAX_PREPARED, "db-statements: %zu statements fit "
	    "in a connection's %d", total, DB_MAX_PREPARED);
	return done_testing();
}
