/*
 * The connection string the process connects with: the configured one
 * (key=value pairs or a postgresql:// URI) with connect_timeout=5 added
 * when neither it nor PGCONNECT_TIMEOUT sets one, so an unreachable
 * server over TCP fails a request in seconds instead of stalling it for
 * the kernel's minutes.
 */
#ifndef CPASSPORT_DB_CONNINFO_H
#define CPASSPORT_DB_CONNINFO_H

#define DB_CONNECT_TIMEOUT	"5"	/* seconds */

/*
 * A fresh copy of conninfo with the default timeout added where it has
 * none; a string libpq cannot parse comes back unchanged (the connection
 * reports its error).  The caller frees it.
 */
char	*db_conninfo_with_timeout(const char *conninfo);

#endif
