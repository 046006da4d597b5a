/*
 * Unit tests for lib/store/db_conninfo.c: the connect_timeout default
 * (PostgreSQL's libpq "Parameter Key Words", §34.1.2) is added to
 * key=value strings and to postgresql:// URIs that set none, and a
 * timeout the operator set is kept.
 */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "store/db_conninfo.h"
#include "tap.h"

/* The connect_timeout libpq reads from s ("" when none, NULL if bad). */
static char *
timeout_of(const char *s)
{
	PQconninfoOption	*opts, *o;
	char			*err = NULL, *v = NULL;

	if ((opts = PQconninfoParse(s, &err)) == NULL) {
		PQfreemem(err);
		return NULL;
	}
	for (o = opts; o->keyword != NULL; o++)
		if (!strcmp(o->keyword, "connect_timeout"))
			v = strdup(o->val != NULL ? o->val : "");
	PQconninfoFree(opts);
	return v;
}

/* conninfo gets connect_timeout=want and keeps its other keys. */
static void
check_default(const char *name, const char *in, const char *want,
    const char *key, const char *keyval)
{
	char			*out = db_conninfo_with_timeout(in);
	char			*t = timeout_of(out);
	PQconninfoOption	*opts, *o;
	char			*err = NULL;
	int			 kept = key == NULL;

	if ((opts = PQconninfoParse(out, &err)) != NULL) {
		for (o = opts; key != NULL && o->keyword != NULL; o++)
			if (!strcmp(o->keyword, key) && o->val != NULL)
				kept = !strcmp(o->val, keyval);
		PQconninfoFree(opts);
	}
	PQfreemem(err);
	ok(t != NULL && !strcmp(t, want) && kept, "%s: \"%s\" -> \"%s\"",
	    name, in, out);
	free(t);
	free(out);
}

int
main(void)
{
	char	*out;

	unsetenv("PGCONNECT_TIMEOUT");
	check_default("db-connect-timeout-default",
	    "host=/tmp dbname=cpassport", DB_CONNECT_TIMEOUT, "dbname",
	    "cpassport");
	check_default("db-connect-timeout-default: an empty string", "",
	    DB_CONNECT_TIMEOUT, NULL, NULL);
	check_default("db-connect-timeout-kept: key=value",
	    "dbname=x connect_timeout=30", "30", "dbname", "x");
	check_default("db-connect-timeout-default-uri",
	    "postgresql://db.example/cp", DB_CONNECT_TIMEOUT, "host",
	    "db.example");
	check_default("db-connect-timeout-default-uri: postgres://",
	    "postgres://h/cp", DB_CONNECT_TIMEOUT, "dbname", "cp");
	check_default("db-connect-timeout-default-uri: after other parameters",
	    "postgresql://u@h:5433/cp?sslmode=require", DB_CONNECT_TIMEOUT,
	    "sslmode", "require");
	check_default("db-connect-timeout-default-uri: a bare '?'",
	    "postgresql://h/cp?", DB_CONNECT_TIMEOUT, "dbname", "cp");
	check_default("db-connect-timeout-kept: URI",
	    "postgresql://h/cp?connect_timeout=2&sslmode=disable", "2",
	    "sslmode", "disable");
	out = db_conninfo_with_timeout("no equals sign");
	ok(!strcmp(out, "no equals sign"),
	    "db-connect-timeout-unparseable: returned unchanged for libpq "
	    "to report");
	free(out);
	setenv("PGCONNECT_TIMEOUT", "9", 1);
	out = db_conninfo_with_timeout("dbname=x");
	ok(!strcmp(out, "dbname=x"),
	    "db-connect-timeout-env: PGCONNECT_TIMEOUT is left to libpq");
	free(out);
	return done_testing();
}
