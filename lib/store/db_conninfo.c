/* The connect_timeout default; see db_conninfo.h. */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "base/xalloc.h"
#include "store/db_conninfo.h"

/* 1 when the string sets connect_timeout, 0 when not, -1 unparseable. */
static int
sets_timeout(const char *conninfo)
{
	PQconninfoOption	*opts, *o;
	char			*err = NULL;
	int			 set = 0;

	if ((opts = PQconninfoParse(conninfo, &err)) == NULL) {
		PQfreemem(err);
		return -1;
	}
	for (o = opts; o->keyword != NULL; o++)
		if (!strcmp(o->keyword, "connect_timeout") && o->val != NULL)
			set = 1;
	PQconninfoFree(opts);
	return set;
}

/* libpq's two URI prefixes. */
static int
is_uri(const char *s)
{
	return !strncmp(s, "postgresql://", 13) ||
	    !strncmp(s, "postgres://", 11);
}

char *
db_conninfo_with_timeout(const char *conninfo)
{
	const char	*sep;
	size_t		 n = strlen(conninfo);

	if (getenv("PGCONNECT_TIMEOUT") != NULL ||
	    sets_timeout(conninfo) != 0)
		return xstrdup(conninfo);
	if (!is_uri(conninfo))
		return xasprintf("%s%sconnect_timeout=" DB_CONNECT_TIMEOUT,
		    conninfo, n > 0 ? " " : "");
	/* A URI's parameters follow '?' and are separated by '&'. */
	if (strchr(conninfo, '?') == NULL)
		sep = "?";
	else
		sep = conninfo[n - 1] == '?' || conninfo[n - 1] == '&' ?
		    "" : "&";
	return xasprintf("%s%sconnect_timeout=" DB_CONNECT_TIMEOUT,
	    conninfo, sep);
}
