/* The clients of a login session; see db_session_clients.h. */
#include "store/db_pq.h"
#include "store/db_row.h"
#include "store/db_session_clients.h"
#include "store/db_stmts.h"

#define STR(x)	#x
#define XSTR(x)	STR(x)

static const struct db_stmt session_clients_names = {
    "session_clients_names",
    "SELECT c.name FROM oauth_session_clients sc "
    "JOIN oauth_clients c ON c.id = sc.client_id "
    "WHERE sc.sid = $1::uuid AND NOT c.revoked "
    "ORDER BY sc.created_at, c.name LIMIT " XSTR(SESSION_CLIENTS_MAX), 1 };

static const struct db_stmt *const stmts[] = {
	&session_clients_names,
};

const struct db_stmt_table db_session_clients_stmts =
    DB_STMTS("db_session_clients.c", stmts);

static const struct db_col name_cols[] = {
	DB_COL(DB_TEXT, struct session_client_row, name),
};
static const struct db_row name_row = DB_ROW(struct session_client_row,
    name_cols);

enum db_status
db_session_clients_names(struct arena *a, struct db *db, const char *sid,
    struct session_client_rows *out)
{
	const char	*p[1] = { sid };
	void		*v;
	enum db_status	 s;

	s = db_select_rows(a, db, &session_clients_names, p, &name_row, &v,
	    &out->n);
	out->v = v;
	return s;
}
