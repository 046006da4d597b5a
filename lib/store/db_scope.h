/* The oauth_scopes table. */
#ifndef CPASSPORT_DB_SCOPE_H
#define CPASSPORT_DB_SCOPE_H

#include "parse/scope.h"
#include "store/db.h"

/*
 * *all_known = 1 when every name of set other than "*" is a row of
 * oauth_scopes (RFC 6749 §5.2 invalid_scope otherwise).
 */
enum db_status	db_scope_known(struct db *, const struct scope_set *,
		    int *all_known);
/* Add a scope; DB_CONFLICT when it exists. */
enum db_status	db_scope_add(struct db *, const char *name,
		    const char *description);
struct scope_row {
	char	*name;
	char	*description;
};

struct scope_rows {
	struct scope_row	*v;
	size_t			 n;
};

/* Every scope, by name, into the arena. */
enum db_status	db_scope_list(struct arena *, struct db *, struct scope_rows *);

#endif
