/*
 * One persistent PostgreSQL connection per process, with statements
 * prepared once per connection on first use.  Only PQexecPrepared: every
 * value travels as a parameter.  A lost connection is re-made (and the
 * statements re-prepared) by the next call; while the server is away
 * calls return DB_UNAVAILABLE, which endpoints answer with 503.
 *
 * A statement is sent again only when that cannot run it twice: when it
 * certainly did not run (the connection was found closed before sending,
 * or the session had lost its prepared statements, SQLSTATE 26000), or
 * when it is a read (db_exec_idempotent) whose answer was lost.  A write
 * whose answer was lost may have run: DB_UNAVAILABLE, never a re-send.
 * Nothing is sent again inside a transaction.
 *
 * Each table family has its own module (db_client.c, db_user.c, …) with a
 * table of struct db_stmt; this module only runs them.
 */
#ifndef CPASSPORT_DB_H
#define CPASSPORT_DB_H

#include <libpq-fe.h>

struct db_stmt {
	const char	*name;	/* unique across the program */
	const char	*sql;	/* $1 … $n placeholders */
	int		 nparams;
};

enum db_status {
	DB_OK = 0,
	DB_UNAVAILABLE,		/* no connection to the server */
	DB_CONFLICT,		/* unique or foreign-key violation */
	DB_ERROR,		/* anything else (logged) */
};

struct db;

/* Remember conninfo; does not connect yet.  Free with db_free(). */
struct db	*db_new(const char *conninfo);
void		 db_free(struct db *);

/*
 * Connect now if not connected (or if the server closed the connection);
 * DB_OK or DB_UNAVAILABLE, also when the connection of an open
 * transaction is gone (until db_commit or db_rollback ends it).
 */
enum db_status	 db_connect(struct db *);

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

/*
 * Transactions.  Inside one, nothing is sent again or on a new
 * connection: once its connection is lost every call returns
 * DB_UNAVAILABLE until db_commit or db_rollback.  A lost COMMIT is
 * DB_UNAVAILABLE (it may have committed).  db_rollback is safe to call
 * when the connection is gone.
 */
enum db_status	 db_begin(struct db *);
enum db_status	 db_commit(struct db *);
void		 db_rollback(struct db *);

/* db_exec() for a statement whose result is not needed. */
enum db_status	 db_run(struct db *, const struct db_stmt *,
		    const char *const *params);

/* Row 0's column col as a fresh string (caller frees), NULL for SQL NULL. */
char		*db_value(const PGresult *, int col);

/*
 * Run a whole SQL script (a migration, inside db_begin/db_commit), never
 * sent twice; DB_OK or an error with a message.
 */
enum db_status	 db_script(struct db *, const char *sql, char *err,
		    size_t errlen);

/* The last server error message, for the CLI (never for HTTP answers). */
const char	*db_last_error(const struct db *);

#endif
