/* Row structs by column table; see db_row.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/xalloc.h"
#include "parse/grant.h"
#include "parse/scope.h"
#include "store/db_pq.h"
#include "store/db_row.h"

static void
fill_col(struct arena *a, const struct db_col *c, const PGresult *r,
    int row, int col, char *base)
{
	const char	*v = PQgetvalue(r, row, col);
	void		*m = base + c->off;

	switch (c->type) {
	case DB_TEXT:
	case DB_SECRET:
		*(char **)m = arena_strdup(a, v);
		break;
	case DB_TEXT_NULL:
		*(char **)m = PQgetisnull(r, row, col) ? NULL :
		    arena_strdup(a, v);
		break;
	case DB_CHARS:
		snprintf(m, c->size, "%s", v);
		break;
	case DB_BOOL:
		*(int *)m = *v == 't';
		break;
	case DB_LONG:
		*(long *)m = strtol(v, NULL, 10);
		break;
	case DB_LLONG:
		*(long long *)m = strtoll(v, NULL, 10);
		break;
	case DB_TIME:
		*(time_t *)m = (time_t)strtoll(v, NULL, 10);
		break;
	case DB_SCOPES:
		/* Stored scopes passed the CHECK; a parse failure is empty. */
		if (scope_parse(v, m) == -1)
			memset(m, 0, sizeof(struct scope_set));
		break;
	case DB_GRANTS:
		*(unsigned *)m = grant_set_parse(v);
		break;
	}
}

void
db_fill(struct arena *a, const struct db_row *desc, const PGresult *r,
    int row, int col, void *out)
{
	size_t	i;

	memset(out, 0, desc->size);
	for (i = 0; i < desc->ncols; i++)
		fill_col(a, &desc->cols[i], r, row, col + (int)i, out);
}

void
db_unfill(const struct db_row *desc, void *p)
{
	char	*m, *s;
	size_t	 i;

	for (i = 0; i < desc->ncols; i++) {
		m = (char *)p + desc->cols[i].off;
		switch (desc->cols[i].type) {
		case DB_SECRET:
			if ((s = *(char **)m) != NULL)
				explicit_bzero(s, strlen(s));
			/* FALLTHROUGH */
		case DB_TEXT:
		case DB_TEXT_NULL:
			free(*(char **)m);
			break;
		default:
			break;
		}
	}
	explicit_bzero(p, desc->size);
}

void
db_copy(struct arena *a, const struct db_row *desc, void *dst,
    const void *src)
{
	const char	*s, *from;
	char		*to;
	size_t		 i;

	memcpy(dst, src, desc->size);
	for (i = 0; i < desc->ncols; i++) {
		from = (const char *)src + desc->cols[i].off;
		to = (char *)dst + desc->cols[i].off;
		switch (desc->cols[i].type) {
		case DB_TEXT:
		case DB_TEXT_NULL:
		case DB_SECRET:
			s = *(const char *const *)from;
			if (s == NULL)
				*(char **)to = NULL;
			else
				*(char **)to = a != NULL ? arena_strdup(a, s) :
				    xstrdup(s);
			break;
		default:
			break;
		}
	}
}

void *
db_fill_all(struct arena *a, const struct db_row *desc, const PGresult *r,
    size_t *n)
{
	char	*v;
	size_t	 i;

	*n = (size_t)PQntuples(r);
	if (*n == 0)
		return NULL;
	if (*n > SIZE_MAX / desc->size)
		abort();	/* more rows than memory */
	v = arena_alloc(a, *n * desc->size);
	for (i = 0; i < *n; i++)
		db_fill(a, desc, r, (int)i, 0, v + i * desc->size);
	return v;
}

enum db_status
db_select_one(struct arena *a, struct db *db, enum db_kind kind,
    const struct db_stmt *st, const char *const *params,
    const struct db_row *desc, void *out, int *found)
{
	PGresult	*r;
	enum db_status	 s;
	int		 one;

	memset(out, 0, desc->size);
	if (found != NULL)
		*found = 0;
	s = kind == DB_READ ? db_exec_idempotent(db, st, params, &r) :
	    db_exec(db, st, params, &r);
	if (s != DB_OK)
		return s;
	one = PQntuples(r) == 1;
	if (one)
		db_fill(a, desc, r, 0, 0, out);
	if (found != NULL)
		*found = one;
	PQclear(r);
	return DB_OK;
}

enum db_status
db_select_rows(struct arena *a, struct db *db, const struct db_stmt *st,
    const char *const *params, const struct db_row *desc, void **v,
    size_t *n)
{
	PGresult	*r;
	enum db_status	 s;

	*v = NULL;
	*n = 0;
	if ((s = db_exec_idempotent(db, st, params, &r)) != DB_OK)
		return s;
	*v = db_fill_all(a, desc, r, n);
	PQclear(r);
	return DB_OK;
}

enum db_status
db_run_count(struct db *db, const struct db_stmt *st,
    const char *const *params, long *rows)
{
	PGresult	*r;
	enum db_status	 s;

	*rows = 0;
	if ((s = db_exec(db, st, params, &r)) != DB_OK)
		return s;
	*rows = atol(PQcmdTuples(r));
	PQclear(r);
	return DB_OK;
}

enum db_status
db_run_one(struct db *db, const struct db_stmt *st,
    const char *const *params, int *one)
{
	long		n;
	enum db_status	s;

	s = db_run_count(db, st, params, &n);
	*one = n == 1;
	return s;
}

enum db_status
db_value(struct db *db, enum db_kind kind, const struct db_stmt *st,
    const char *const *params, char *buf, size_t size, int *found)
{
	/* A row struct of one member: buf, as a DB_CHARS column (no arena). */
	const struct db_col	col = { DB_CHARS, 0, size };
	const struct db_row	desc = { &col, 1, size };

	return db_select_one(NULL, db, kind, st, params, &desc, buf, found);
}

enum db_status
db_count(struct db *db, enum db_kind kind, const struct db_stmt *st,
    const char *const *params, long *n)
{
	char		v[24];
	enum db_status	s;

	s = db_value(db, kind, st, params, v, sizeof(v), NULL);
	*n = strtol(v, NULL, 10);
	return s;
}
