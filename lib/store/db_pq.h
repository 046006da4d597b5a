/*
 * The store's private half of db.h: prepared statements and their
 * results.  Only the files of lib/store/ include it; nothing above it sees
 * libpq.
 *
 * Statements are prepared once per connection on first use, and re-
 * prepared on a new one.  Only PQexecPrepared: every value travels as a
 * parameter.  A statement is sent again only when that cannot run it
 * twice: when it certainly did not run (the connection was found closed
 * before sending, or the session had lost its prepared statements,
 * SQLSTATE 26000), or when it is a read (db_exec_idempotent) whose answer
 * was lost.  A write whose answer was lost may have run: DB_UNAVAILABLE,
 * never a re-send.  Nothing is sent again inside a transaction.
 */
#ifndef CPASSPORT_DB_PQ_H
#define CPASSPORT_DB_PQ_H

#include <libpq-fe.h>

#include "store/db.h"

/*
 * A connection prepares at most this many statements: room for every
 * statement of the store (59 with OpenID Connect; t_db_statements counts
 * them) and the issues still to come.
 */
#define DB_MAX_PREPARED	128

struct db_stmt {
	const char	*name;	/* unique across the program */
	const char	*sql;	/* $1 … $n placeholders */
	int		 nparams;
};

/*
 * A module's statements (db_stmts.h lists every module's): each is a
 * constant of its own, used by address; the table lists them for the test.
 */
struct db_stmt_table {
	const char			*module;
	const struct db_stmt *const	*v;
	size_t				 n;
};

#define DB_STMTS(module, v) \
	{ (module), (v), sizeof(v) / sizeof((v)[0]) }

/*
 * Run a prepared statement with text parameters (NULL = SQL NULL).
 * On DB_OK, *res holds the result (caller PQclear()s it); otherwise *res
 * is NULL.  db_exec is for anything that writes (an insert, a code
 * consume, a throttle count, a rotation): if the connection drops after
 * it was sent, DB_UNAVAILABLE.  db_exec_idempotent is for reads: their
 * lost answer is asked again once on a fresh connection.
 */
enum db_status	 db_exec(struct db *, const struct db_stmt *,
		    const char *const *params, PGresult **res);
enum db_status	 db_exec_idempotent(struct db *, const struct db_stmt *,
		    const char *const *params, PGresult **res);

/* Which of the two a statement runs under, for the helpers of db_row.h. */
enum db_kind {
	DB_WRITE,	/* db_exec */
	DB_READ,	/* db_exec_idempotent */
};

/* db_exec() for a statement whose result is not needed. */
enum db_status	 db_run(struct db *, const struct db_stmt *,
		    const char *const *params);

#endif
