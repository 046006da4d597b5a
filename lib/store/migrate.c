/* Schema migrations; see migrate.h. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "store/db_pq.h"
#include "store/db_stmts.h"
#include "store/migrate.h"

#define MAX_MIGRATIONS	256
#define MAX_SQL_BYTES	(1024 * 1024)

/* Quiet: "already exists, skipping" on every run but the first. */
static const char setup_sql[] =
	"SET client_min_messages = warning; "
	"CREATE TABLE IF NOT EXISTS cpassport_migrations ("
	"version text PRIMARY KEY, "
	"applied_at timestamptz NOT NULL DEFAULT now()); "
	"RESET client_min_messages";

/* Serialises concurrent `cpassport migrate` runs. */
static const struct db_stmt migrate_lock = { "migrate_lock",
    "SELECT pg_advisory_xact_lock(727272)", 0 };
static const struct db_stmt migrate_applied = { "migrate_applied",
    "SELECT 1 FROM cpassport_migrations WHERE version = $1", 1 };
static const struct db_stmt migrate_record = { "migrate_record",
    "INSERT INTO cpassport_migrations (version) VALUES ($1)", 1 };

static const struct db_stmt *const stmts[] = {
	&migrate_lock, &migrate_applied, &migrate_record,
};

const struct db_stmt_table db_migrate_stmts = DB_STMTS("migrate.c", stmts);

static int
is_migration(const char *name)
{
	size_t	n = strlen(name);

	return n > 8 && name[0] >= '0' && name[0] <= '9' &&
	    strcmp(name + n - 4, ".sql") == 0;
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
slurp(const char *path, char *err, size_t errlen)
{
	FILE	*f;
	char	*buf;
	size_t	 n;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	buf = xmalloc(MAX_SQL_BYTES + 1);
	n = fread(buf, 1, MAX_SQL_BYTES + 1, f);
	fclose(f);
	if (n > MAX_SQL_BYTES) {
		snprintf(err, errlen, "%s: too large", path);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

static int
run(struct db *db, const struct db_stmt *st, const char *arg, int *rows)
{
	const char	*p[1] = { arg };
	PGresult	*r;

	if (db_exec(db, st, p, &r) != DB_OK)
		return -1;
	if (rows != NULL)
		*rows = PQntuples(r);
	PQclear(r);
	return 0;
}

/*
 * Apply one file in one transaction unless it is recorded already.  The
 * transaction goes through db_begin: if the connection drops, nothing is
 * sent again or on a new connection, so a file is recorded exactly when
 * all of it committed.
 */
static int
apply(struct db *db, const char *dir, const char *name, int *applied,
    char *err, size_t errlen)
{
	char	*path, *sql;
	char	 e2[256];
	int	 rows = 0;

	if (db_begin(db) != DB_OK)
		goto fail_db;
	if (run(db, &migrate_lock, NULL, NULL) == -1 ||
	    run(db, &migrate_applied, name, &rows) == -1)
		goto fail_db;
	if (rows == 1) {
		if (db_commit(db) != DB_OK)
			goto fail_db;
		return 0;
	}
	path = xasprintf("%s/%s", dir, name);
	sql = slurp(path, err, errlen);
	free(path);
	if (sql == NULL)
		goto fail;
	if (db_script(db, sql, e2, sizeof(e2)) != DB_OK) {
		snprintf(err, errlen, "%s: %s", name, e2);
		free(sql);
		goto fail;
	}
	free(sql);
	if (run(db, &migrate_record, name, NULL) == -1 ||
	    db_commit(db) != DB_OK)
		goto fail_db;
	(*applied)++;
	return 0;
fail_db:
	snprintf(err, errlen, "%s: %s", name, db_last_error(db));
fail:
	db_rollback(db);
	return -1;
}

int
migrate_run(struct db *db, const char *dir, int *applied, char *err,
    size_t errlen)
{
	DIR		*d;
	struct dirent	*de;
	char		*names[MAX_MIGRATIONS];
	size_t		 n = 0, i;
	int		 rc = 0;

	*applied = 0;
	if ((d = opendir(dir)) == NULL) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL && n < MAX_MIGRATIONS)
		if (is_migration(de->d_name))
			names[n++] = xstrdup(de->d_name);
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmp);
	if (n == 0) {
		snprintf(err, errlen, "%s: no migrations found", dir);
		return -1;
	}
	if (db_script(db, setup_sql, err, errlen) != DB_OK)
		rc = -1;
	for (i = 0; i < n; i++) {
		if (rc == 0)
			rc = apply(db, dir, names[i], applied, err, errlen);
		free(names[i]);
	}
	return rc;
}
