/*
 * One persistent PostgreSQL connection per process, with statements
 * prepared once per connection on first use.  Only PQexecPrepared: every
 * value travels as a parameter.  A lost connection is re-made (and the
 * statements re-prepared) by the next call; while the server is away
 * calls return DB_UNAVAILABLE, which endpoints answer with 503.
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

/* Connect now if not connected; DB_OK or DB_UNAVAILABLE. */
enum db_status	 db_connect(struct db *);

/*
 * Run a prepared statement with text parameters (NULL = SQL NULL).
 * On DB_OK, *res holds the result (caller PQclear()s it); otherwise *res
 * is NULL.  A statement that fails because the connection was lost is
 * retried once on a fresh connection.
 */
enum db_status	 db_exec(struct db *, const struct db_stmt *,
		    const char *const *params, PGresult **res);

/*
 * Transactions.  Inside one, db_exec never retries on a new connection
 * (the transaction died with the old one).  db_rollback is safe to call
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

/* Run a whole SQL script (migrations); DB_OK or an error with a message. */
enum db_status	 db_script(struct db *, const char *sql, char *err,
		    size_t errlen);

/* The last server error message, for the CLI (never for HTTP answers). */
const char	*db_last_error(const struct db *);

#endif
