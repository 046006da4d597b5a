/* The users table. */
#ifndef CPASSPORT_DB_USER_H
#define CPASSPORT_DB_USER_H

#include "parse/scope.h"
#include "store/db.h"

struct user {
	char		*id;
	char		*name;
	char		*email;
	char		*password;	/* crypt(3) hash */
	struct scope_set scopes;	/* held */
	int		 revoked;
};

/* By e-mail, case-insensitively, into the arena; *found = 0 when none. */
enum db_status	db_user_find_by_email(struct arena *, struct db *,
		    const char *email, struct user *out, int *found);
/* By id, into the arena; *found = 0 when none. */
enum db_status	db_user_find_by_id(struct arena *, struct db *,
		    const char *id, struct user *out, int *found);

/* Insert; scopes space-separated.  DB_CONFLICT on a duplicate e-mail. */
enum db_status	db_user_add(struct db *, const char *email, const char *name,
		    const char *hash, const char *scopes, char **id_out);
/* Replace the password hash; *found = 0 when no such user. */
enum db_status	db_user_passwd(struct db *, const char *id,
		    const char *hash, int *found);
/*
 * Store hash as the user's password where it is still old (a rehash on
 * login must not undo a password change made meanwhile).
 */
enum db_status	db_user_rehash(struct db *, const char *id, const char *old,
		    const char *hash);
/* A user as the CLI lists it. */
struct user_list_row {
	char	*id;
	char	*email;
	char	*name;
	char	*scopes;	/* comma-separated */
};

struct user_rows {
	struct user_list_row	*v;
	size_t			 n;
};

/* Every user, by id, into the arena. */
enum db_status	db_user_list(struct arena *, struct db *, struct user_rows *);
/* 1 in *found when a user with the id exists. */
enum db_status	db_user_exists(struct db *, const char *id, int *found);

#endif
