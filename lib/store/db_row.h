/*
 * Row structs filled from a result by a column table (store-private):
 * column i of the result is read into the member that entry i names, as
 * its type says, so one fill, one unfill and one copy serve every row
 * struct of the store instead of a strdup per field and a free per field.
 * Below them, the few ways a statement's answer is read (one row, every
 * row, one value, a count of changed rows), each serving every module.
 */
#ifndef CPASSPORT_DB_ROW_H
#define CPASSPORT_DB_ROW_H

#include <stddef.h>

#include "store/db_pq.h"

struct arena;

enum db_col_type {
	DB_TEXT,	/* char *; SQL NULL reads as "" */
	DB_TEXT_NULL,	/* char *; SQL NULL reads as NULL */
	DB_SECRET,	/* char * as DB_TEXT, wiped when unfilled */
	DB_CHARS,	/* char[size], truncated to fit */
	DB_BOOL,	/* int: 1 for 't' */
	DB_LONG,	/* long */
	DB_LLONG,	/* long long */
	DB_TIME,	/* time_t from seconds since the epoch; NULL reads as 0 */
	DB_SCOPES,	/* struct scope_set; one that fails to parse is empty */
	DB_GRANTS,	/* unsigned: 1 << enum grant */
};

struct db_col {
	enum db_col_type type;
	size_t		 off;	/* of the member in the row struct */
	size_t		 size;	/* of the member (DB_CHARS: its array) */
};

/* A row struct: its columns in result order, and its size. */
struct db_row {
	const struct db_col	*cols;
	size_t			 ncols;
	size_t			 size;
};

#define DB_COL(type, st, m) \
	{ (type), offsetof(st, m), sizeof(((st *)0)->m) }
#define DB_ROW(st, cols) \
	{ (cols), sizeof(cols) / sizeof((cols)[0]), sizeof(st) }

/*
 * Fill *out (of desc->size bytes) from row `row` of r, its first column
 * being column `col` of the result; its strings go into the arena.
 */
void	 db_fill(struct arena *, const struct db_row *desc, const PGresult *r,
	    int row, int col, void *out);
/*
 * *dst a deep copy of *src: into the arena, or with a NULL arena into
 * memory of its own, for an owner that outlives requests (the client
 * cache), which releases it with db_unfill.
 */
void	 db_copy(struct arena *, const struct db_row *desc, void *dst,
	    const void *src);
/* Free what db_copy(NULL, ...) allocated in *p, and wipe it. */
void	 db_unfill(const struct db_row *desc, void *p);

/* Every row of r into an array of *n rows in the arena (NULL: none). */
void	*db_fill_all(struct arena *, const struct db_row *desc,
	    const PGresult *r, size_t *n);

/*
 * Run st under kind's rule and fill *out from its row when exactly one
 * came, its strings in the arena; else *out is zeroed.  *found, unless found
 * is NULL: whether one came.
 */
enum db_status	 db_select_one(struct arena *, struct db *, enum db_kind,
		    const struct db_stmt *, const char *const *params,
		    const struct db_row *desc, void *out, int *found);

/*
 * Run a read (db_exec_idempotent) and fill its every row into the arena:
 * *v (NULL when none) and *n.
 */
enum db_status	 db_select_rows(struct arena *, struct db *,
		    const struct db_stmt *, const char *const *params,
		    const struct db_row *desc, void **v, size_t *n);

/* db_exec(); *rows: how many rows it changed (0 unless DB_OK). */
enum db_status	 db_run_count(struct db *, const struct db_stmt *,
		    const char *const *params, long *rows);
/* db_run_count() for a statement meant for one row; *one: it changed one. */
enum db_status	 db_run_one(struct db *, const struct db_stmt *,
		    const char *const *params, int *one);

/*
 * db_select_one() of the first column alone, into buf (size bytes, cut
 * to fit; "" when no row came).
 */
enum db_status	 db_value(struct db *, enum db_kind, const struct db_stmt *,
		    const char *const *params, char *buf, size_t size,
		    int *found);
/* db_value() of a count(*): *n, 0 unless DB_OK. */
enum db_status	 db_count(struct db *, enum db_kind, const struct db_stmt *,
		    const char *const *params, long *n);

#endif
