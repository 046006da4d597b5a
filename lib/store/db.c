/* The process's PostgreSQL connection; see db.h and db_pq.h. */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "base/log.h"
#include "base/xalloc.h"
#include "store/db.h"
#include "store/db_conninfo.h"
#include "store/db_pq.h"
#include "store/db_stmts.h"

struct db {
	char			*conninfo;
	PGconn			*conn;
	const struct db_stmt	*prepared[DB_MAX_PREPARED];
	size_t			 nprepared;
	int			 in_tx;	/* BEGIN ran: no new connection */
	char			 lasterr[256];
};

struct db *
db_new(const char *conninfo)
{
	struct db	*db = xcalloc(1, sizeof(*db));

	db->conninfo = db_conninfo_with_timeout(conninfo);
	return db;
}

void
db_free(struct db *db)
{
	if (db == NULL)
		return;
	if (db->conn != NULL)
		PQfinish(db->conn);
	free(db->conninfo);
	free(db);
}

static void
remember_error(struct db *db, const char *msg)
{
	size_t	n;

	snprintf(db->lasterr, sizeof(db->lasterr), "%s", msg ? msg : "");
	n = strlen(db->lasterr);
	while (n > 0 && (db->lasterr[n - 1] == '\n'))
		db->lasterr[--n] = '\0';
}

/* The connection is gone; a transaction on it stays open until it ends. */
static void
drop(struct db *db)
{
	if (db->conn != NULL)
		PQfinish(db->conn);
	db->conn = NULL;
	db->nprepared = 0;
}

static int
has_state(const PGresult *r, const char *state)
{
	const char	*s = PQresultErrorField(r, PG_DIAG_SQLSTATE);

	return s != NULL && !strcmp(s, state);
}

static int
succeeded(const PGresult *r)
{
	return r != NULL && (PQresultStatus(r) == PGRES_TUPLES_OK ||
	    PQresultStatus(r) == PGRES_COMMAND_OK ||
	    PQresultStatus(r) == PGRES_EMPTY_QUERY);
}

/*
 * A connection the server closed while it sat idle (a restart, an idle
 * timeout, pg_terminate_backend) is noticed before anything is sent on
 * it: its farewell and end of file wait unread on the socket.  Then the
 * statement about to be sent goes on a new connection, never lost.
 */
static int
is_alive(PGconn *c)
{
	struct pollfd	pfd;
	int		i;

	pfd.fd = PQsocket(c);
	pfd.events = POLLIN;
	for (i = 0; i < 4 && PQstatus(c) == CONNECTION_OK; i++)
		if (poll(&pfd, 1, 0) != 1 || !PQconsumeInput(c))
			break;
	return PQstatus(c) == CONNECTION_OK;
}

/*
 * The server's notices (a NOTICE from a migration, a WARNING) as one log
 * line in the project's format instead of libpq's raw stderr.  The
 * primary message only, as in classify(): DETAIL lines can quote values.
 */
static void
server_notice(void *arg, const PGresult *r)
{
	const char	*sev, *msg;

	(void)arg;
	sev = PQresultErrorField(r, PG_DIAG_SEVERITY);
	msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	log_warnx("%s: %s: %s", __func__, sev ? sev : "NOTICE",
	    msg ? msg : "");
}

enum db_status
db_connect(struct db *db)
{
	if (db->conn != NULL && is_alive(db->conn))
		return DB_OK;
	drop(db);
	if (db->in_tx) {
		/* The transaction died with its connection. */
		remember_error(db, "connection lost inside a transaction");
		return DB_UNAVAILABLE;
	}
	db->conn = PQconnectdb(db->conninfo);
	if (PQstatus(db->conn) != CONNECTION_OK) {
		remember_error(db, PQerrorMessage(db->conn));
		log_warnx("%s: database unavailable: %s", __func__,
		    db->lasterr);
		drop(db);
		return DB_UNAVAILABLE;
	}
	PQsetNoticeReceiver(db->conn, server_notice, NULL);
	return DB_OK;
}

/* A failed result's status; DB_UNAVAILABLE has dropped the connection. */
static enum db_status
classify(struct db *db, const PGresult *r)
{
	const char	*state = NULL, *msg = NULL;

	if (r != NULL) {
		state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		/* The primary message only: DETAIL lines can quote values. */
		msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	}
	remember_error(db, msg != NULL ? msg : db->conn != NULL ?
	    PQerrorMessage(db->conn) : "no connection");
	/*
	 * No SQLSTATE: libpq made the error itself (connection lost, even
	 * when PQstatus has not noticed yet).  Class 08 (connection) and
	 * 57P01-03 (shutdown): the server went away.
	 */
	if (db->conn == NULL || PQstatus(db->conn) != CONNECTION_OK ||
	    state == NULL || !strncmp(state, "08", 2) ||
	    !strncmp(state, "57P0", 4)) {
		drop(db);
		return DB_UNAVAILABLE;
	}
	/* Class 23: integrity constraint violation. */
	if (!strcmp(state, "23505") || !strcmp(state, "23503"))
		return DB_CONFLICT;
	log_warnx("%s: %s", __func__, db->lasterr);
	return DB_ERROR;
}

static int
is_prepared(const struct db *db, const struct db_stmt *st)
{
	size_t	i;

	for (i = 0; i < db->nprepared; i++)
		if (db->prepared[i] == st)
			return 1;
	return 0;
}

static enum db_status
prepare(struct db *db, const struct db_stmt *st)
{
	PGresult	*r;
	enum db_status	 s = DB_OK;

	if (is_prepared(db, st))
		return DB_OK;
	if (db->nprepared == DB_MAX_PREPARED) {
		log_warnx("%s: too many statements", __func__);
		return DB_ERROR;
	}
	r = PQprepare(db->conn, st->name, st->sql, st->nparams, NULL);
	/* 42P05: the session has it already (prepared before we forgot). */
	if (succeeded(r) || has_state(r, "42P05"))
		db->prepared[db->nprepared++] = st;
	else
		s = classify(db, r);
	PQclear(r);
	return s;
}

/* What became of one attempt at a statement, for the retry rules. */
enum attempt {
	ATTEMPT_ANSWERED,	/* the server answered, or no connection */
	ATTEMPT_NOT_RUN,	/* certainly not run: may be sent again */
	ATTEMPT_LOST,		/* sent, and the answer lost: it may have run */
};

static enum db_status
exec_once(struct db *db, const struct db_stmt *st,
    const char *const *params, PGresult **res, enum attempt *how)
{
	PGresult	*r;
	enum db_status	 s;

	*how = ATTEMPT_ANSWERED;
	if ((s = db_connect(db)) != DB_OK)
		return s;
	if ((s = prepare(db, st)) != DB_OK) {
		if (s == DB_UNAVAILABLE)
			*how = ATTEMPT_NOT_RUN;
		return s;
	}
	r = PQexecPrepared(db->conn, st->name, st->nparams, params, NULL,
	    NULL, 0);
	if (succeeded(r)) {
		*res = r;
		return DB_OK;
	}
	if (has_state(r, "26000")) {
		/*
		 * The session lost its prepared statements (DISCARD ALL, a
		 * pooler's new server connection): the statement did not
		 * run.  Every one is prepared again on its next use.
		 */
		remember_error(db, PQresultErrorField(r,
		    PG_DIAG_MESSAGE_PRIMARY));
		db->nprepared = 0;
		*how = ATTEMPT_NOT_RUN;
		s = DB_UNAVAILABLE;
	} else if ((s = classify(db, r)) == DB_UNAVAILABLE)
		*how = ATTEMPT_LOST;
	PQclear(r);
	return s;
}

/*
 * Run st, once more when the first attempt certainly did not run it, or
 * when idempotent and its answer was lost; never inside a transaction,
 * which cannot move to another connection or outlive an error.
 */
static enum db_status
run(struct db *db, const struct db_stmt *st, const char *const *params,
    PGresult **res, int idempotent)
{
	enum attempt	how;
	enum db_status	s;
	int		tries = 0;

	*res = NULL;
	do
		s = exec_once(db, st, params, res, &how);
	while (++tries < 2 && !db->in_tx && (how == ATTEMPT_NOT_RUN ||
	    (how == ATTEMPT_LOST && idempotent)));
	return s;
}

enum db_status
db_exec(struct db *db, const struct db_stmt *st, const char *const *params,
    PGresult **res)
{
	return run(db, st, params, res, 0);
}

enum db_status
db_exec_idempotent(struct db *db, const struct db_stmt *st,
    const char *const *params, PGresult **res)
{
	return run(db, st, params, res, 1);
}

enum db_status
db_run(struct db *db, const struct db_stmt *st, const char *const *params)
{
	PGresult	*r;
	enum db_status	 s;

	if ((s = db_exec(db, st, params, &r)) == DB_OK)
		PQclear(r);
	return s;
}

/*
 * One simple query, never sent again: COMMIT and ROLLBACK (nothing to
 * prepare, which an aborted transaction would refuse) and scripts.
 */
static enum db_status
simple(struct db *db, const char *sql)
{
	PGresult	*r;
	enum db_status	 s;

	if ((s = db_connect(db)) != DB_OK)
		return s;
	r = PQexec(db->conn, sql);
	s = succeeded(r) ? DB_OK : classify(db, r);
	PQclear(r);
	return s;
}

/*
 * BEGIN is prepared like any statement: a session that lost its prepared
 * statements says so here, outside the transaction, where they can be
 * prepared again (inside one, the error would abort it).
 */
static const struct db_stmt tx_begin = { "tx_begin", "BEGIN", 0 };

static const struct db_stmt *const stmts[] = { &tx_begin };

const struct db_stmt_table db_tx_stmts = DB_STMTS("db.c", stmts);

enum db_status
db_begin(struct db *db)
{
	PGresult	*r;
	enum db_status	 s;

	if ((s = run(db, &tx_begin, NULL, &r, 1)) == DB_OK) {
		PQclear(r);
		db->in_tx = 1;
	}
	return s;
}

enum db_status
db_commit(struct db *db)
{
	enum db_status	s = simple(db, "COMMIT");

	db->in_tx = 0;
	return s;
}

void
db_rollback(struct db *db)
{
	if (db->conn != NULL && db->in_tx)
		simple(db, "ROLLBACK");
	db->in_tx = 0;
}

enum db_status
db_script(struct db *db, const char *sql, char *err, size_t errlen)
{
	enum db_status	s = simple(db, sql);

	if (s != DB_OK)
		snprintf(err, errlen, "%s", db->lasterr);
	return s;
}

const char *
db_last_error(const struct db *db)
{
	return db->lasterr;
}
