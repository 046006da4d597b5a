/*
 * Schema migrations: every NNN_name.sql of a directory, in name order,
 * each applied once in its own transaction and recorded in
 * cpassport_migrations.  Running it again changes nothing.
 */
#ifndef CPASSPORT_MIGRATE_H
#define CPASSPORT_MIGRATE_H

#include <stddef.h>

#include "store/db.h"

/*
 * Apply what is missing; *applied counts the new ones.  Returns 0, or -1
 * with a message in err.
 */
int	migrate_run(struct db *, const char *dir, int *applied, char *err,
	    size_t errlen);

#endif
