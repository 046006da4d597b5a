/*
 * One persistent PostgreSQL connection per process.  A lost connection
 * is re-made by the next call; while the server is away calls return
 * DB_UNAVAILABLE, which endpoints answer with 503.
 *
 * Each table family has its own module (db_client.c, db_user.c, …) whose
 * calls take a struct db and return an enum db_status; only lib/store/
 * sees libpq (db_pq.h, its private half: statements and results).
 */
#ifndef CPASSPORT_DB_H
#define CPASSPORT_DB_H

#include <stddef.h>

enum db_status {
	DB_OK = 0,
	DB_UNAVAILABLE,		/* no connection to the server */
	DB_CONFLICT,		/* unique or foreign-key violation */
	DB_ERROR,		/* anything else (logged) */
};

struct arena;
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
 * Transactions.  Inside one, nothing is sent again or on a new
 * connection: once its connection is lost every call returns
 * DB_UNAVAILABLE until db_commit or db_rollback.  A lost COMMIT is
 * DB_UNAVAILABLE (it may have committed).  db_rollback is safe to call
 * when the connection is gone.
 */
enum db_status	 db_begin(struct db *);
enum db_status	 db_commit(struct db *);
void		 db_rollback(struct db *);

/*
 * Run a whole SQL script (a migration, inside db_begin/db_commit), never
 * sent twice; DB_OK or an error with a message.
 */
enum db_status	 db_script(struct db *, const char *sql, char *err,
		    size_t errlen);

/* The last server error message, for the CLI (never for HTTP answers). */
const char	*db_last_error(const struct db *);

#endif
