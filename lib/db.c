/* The process's PostgreSQL connection; see db.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db.h"
#include "db_conninfo.h"
#include "log.h"
#include "xalloc.h"

#define MAX_PREPARED	64

struct db {
	char			*conninfo;
	PGconn			*conn;
	const struct db_stmt	*prepared[MAX_PREPARED];
	size_t			 nprepared;
	int			 in_tx;
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

static void
drop(struct db *db)
{
	if (db->conn != NULL)
		PQfinish(db->conn);
	db->conn = NULL;
	db->nprepared = 0;
	db->in_tx = 0;
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
	if (db->conn != NULL && PQstatus(db->conn) == CONNECTION_OK)
		return DB_OK;
	drop(db);
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
	    !strncmp(state, "57P0", 4))
		return DB_UNAVAILABLE;
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
	if (db->nprepared == MAX_PREPARED) {
		log_warnx("%s: too many statements", __func__);
		return DB_ERROR;
	}
	r = PQprepare(db->conn, st->name, st->sql, st->nparams, NULL);
	if (r == NULL || PQresultStatus(r) != PGRES_COMMAND_OK)
		s = classify(db, r);
	else
		db->prepared[db->nprepared++] = st;
	PQclear(r);
	return s;
}

static enum db_status
exec_once(struct db *db, const struct db_stmt *st,
    const char *const *params, PGresult **res)
{
	PGresult	*r;
	enum db_status	 s;

	if ((s = db_connect(db)) != DB_OK)
		return s;
	if ((s = prepare(db, st)) != DB_OK)
		return s;
	r = PQexecPrepared(db->conn, st->name, st->nparams, params, NULL,
	    NULL, 0);
	if (r != NULL && (PQresultStatus(r) == PGRES_TUPLES_OK ||
	    PQresultStatus(r) == PGRES_COMMAND_OK)) {
		*res = r;
		return DB_OK;
	}
	s = classify(db, r);
	PQclear(r);
	return s;
}

enum db_status
db_exec(struct db *db, const struct db_stmt *st, const char *const *params,
    PGresult **res)
{
	enum db_status	s;
	int		retry = db->conn != NULL && !db->in_tx;

	*res = NULL;
	s = exec_once(db, st, params, res);
	/*
	 * A connection that died while idle (server restart) fails the first
	 * statement sent on it: reconnect and try once more.
	 */
	if (s == DB_UNAVAILABLE && retry) {
		drop(db);
		s = exec_once(db, st, params, res);
	}
	if (s == DB_UNAVAILABLE)
		drop(db);
	return s;
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

char *
db_value(const PGresult *r, int col)
{
	return PQgetisnull(r, 0, col) ? NULL : xstrdup(PQgetvalue(r, 0, col));
}

static const struct db_stmt st_begin = { "tx_begin", "BEGIN", 0 };
static const struct db_stmt st_commit = { "tx_commit", "COMMIT", 0 };
static const struct db_stmt st_rollback = { "tx_rollback", "ROLLBACK", 0 };

enum db_status
db_begin(struct db *db)
{
	enum db_status	s;

	if ((s = db_run(db, &st_begin, NULL)) == DB_OK)
		db->in_tx = 1;
	return s;
}

enum db_status
db_commit(struct db *db)
{
	enum db_status	s = db_run(db, &st_commit, NULL);

	db->in_tx = 0;
	return s;
}

void
db_rollback(struct db *db)
{
	if (db->conn != NULL && db->in_tx)
		db_run(db, &st_rollback, NULL);
	db->in_tx = 0;
}

enum db_status
db_script(struct db *db, const char *sql, char *err, size_t errlen)
{
	PGresult	*r;
	enum db_status	 s;

	if ((s = db_connect(db)) != DB_OK) {
		snprintf(err, errlen, "%s", db->lasterr);
		return s;
	}
	r = PQexec(db->conn, sql);
	if (r != NULL && (PQresultStatus(r) == PGRES_COMMAND_OK ||
	    PQresultStatus(r) == PGRES_TUPLES_OK)) {
		PQclear(r);
		return DB_OK;
	}
	s = classify(db, r);
	snprintf(err, errlen, "%s", db->lasterr);
	PQclear(r);
	return s == DB_OK ? DB_ERROR : s;
}

const char *
db_last_error(const struct db *db)
{
	return db->lasterr;
}
