/* The users table; see db_user.h. */

#include "base/xalloc.h"
#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_stmts.h"
#include "store/db_user.h"

static const struct db_stmt user_by_email = { "user_by_email",
    "SELECT id, name, email, password, "
    "array_to_string(scopes, ' '), revoked "
    "FROM users WHERE lower(email) = lower($1)", 1 };
static const struct db_stmt user_by_id = { "user_by_id",
    "SELECT id, name, email, password, "
    "array_to_string(scopes, ' '), revoked "
    "FROM users WHERE id = $1", 1 };
static const struct db_stmt user_add = { "user_add",
    "INSERT INTO users (email, name, password, scopes) "
    "VALUES ($1, $2, $3, string_to_array($4, ' ')) RETURNING id", 4 };
static const struct db_stmt user_passwd = { "user_passwd",
    "UPDATE users SET password = $2, updated_at = now() "
    "WHERE id = $1", 2 };
static const struct db_stmt user_list = { "user_list",
    "SELECT id, email, name, array_to_string(scopes, ',') "
    "FROM users ORDER BY id", 0 };
static const struct db_stmt user_exists = { "user_exists",
    "SELECT 1 FROM users WHERE id = $1", 1 };
/* Only over the hash just verified: a new password wins. */
static const struct db_stmt user_rehash = { "user_rehash",
    "UPDATE users SET password = $3 "
    "WHERE id = $1 AND password = $2", 3 };

static const struct db_stmt *const stmts[] = {
	&user_by_email, &user_by_id, &user_add, &user_passwd, &user_list,
	&user_exists, &user_rehash,
};

const struct db_stmt_table db_user_stmts = DB_STMTS("db_user.c", stmts);

/* The columns of user_by_email and user_by_id, in order. */
static const struct db_col user_cols[] = {
	DB_COL(DB_TEXT, struct user, id),
	DB_COL(DB_TEXT, struct user, name),
	DB_COL(DB_TEXT, struct user, email),
	DB_COL(DB_SECRET, struct user, password),
	DB_COL(DB_SCOPES, struct user, scopes),
	DB_COL(DB_BOOL, struct user, revoked),
};
static const struct db_row user_row = DB_ROW(struct user, user_cols);

static const struct db_col list_cols[] = {
	DB_COL(DB_TEXT, struct user_list_row, id),
	DB_COL(DB_TEXT, struct user_list_row, email),
	DB_COL(DB_TEXT, struct user_list_row, name),
	DB_COL(DB_TEXT, struct user_list_row, scopes),
};
static const struct db_row list_row = DB_ROW(struct user_list_row,
    list_cols);

static enum db_status
find(struct arena *a, struct db *db, const struct db_stmt *st,
    const char *key, struct user *out, int *found)
{
	const char	*p[1] = { key };

	return db_select_one(a, db, DB_READ, st, p, &user_row, out, found);
}

enum db_status
db_user_find_by_email(struct arena *a, struct db *db, const char *email,
    struct user *out, int *found)
{
	return find(a, db, &user_by_email, email, out, found);
}

enum db_status
db_user_find_by_id(struct arena *a, struct db *db, const char *id,
    struct user *out, int *found)
{
	return find(a, db, &user_by_id, id, out, found);
}

enum db_status
db_user_add(struct db *db, const char *email, const char *name,
    const char *hash, const char *scopes, char **id_out)
{
	const char	*p[4] = { email, name, hash, scopes };
	char		 id[24];	/* a bigint */
	enum db_status	 s;

	s = db_value(db, DB_WRITE, &user_add, p, id, sizeof(id), NULL);
	if (s == DB_OK)
		*id_out = xstrdup(id);
	return s;
}

enum db_status
db_user_passwd(struct db *db, const char *id, const char *hash, int *found)
{
	const char	*p[2] = { id, hash };

	return db_run_one(db, &user_passwd, p, found);
}

enum db_status
db_user_list(struct arena *a, struct db *db, struct user_rows *out)
{
	void		*v;
	enum db_status	 s;

	s = db_select_rows(a, db, &user_list, NULL, &list_row, &v,
	    &out->n);
	out->v = v;
	return s;
}

enum db_status
db_user_exists(struct db *db, const char *id, int *found)
{
	const char	*p[1] = { id };
	char		 one[2];

	return db_value(db, DB_READ, &user_exists, p, one, sizeof(one),
	    found);
}

enum db_status
db_user_rehash(struct db *db, const char *id, const char *old,
    const char *hash)
{
	const char	*p[3] = { id, old, hash };

	return db_run(db, &user_rehash, p);
}
