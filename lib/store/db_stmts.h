/*
 * Every statement table of the store (store-private), so that
 * tests/unit/t_db_statements.c can check them all without a database.
 * A module with statements exports its table here and in db_stmts.c.
 */
#ifndef CPASSPORT_DB_STMTS_H
#define CPASSPORT_DB_STMTS_H

#include "store/db_pq.h"

extern const struct db_stmt_table db_tx_stmts;
extern const struct db_stmt_table db_client_stmts;
extern const struct db_stmt_table db_code_stmts;
extern const struct db_stmt_table db_consent_stmts;
extern const struct db_stmt_table db_purge_stmts;
extern const struct db_stmt_table db_scope_stmts;
extern const struct db_stmt_table db_session_stmts;
extern const struct db_stmt_table db_session_clients_stmts;
extern const struct db_stmt_table db_throttle_stmts;
extern const struct db_stmt_table db_token_stmts;
extern const struct db_stmt_table db_user_stmts;
extern const struct db_stmt_table db_user_revoke_stmts;
extern const struct db_stmt_table db_migrate_stmts;
extern const struct db_stmt_table db_user_claims_stmts;

/* All of the above, NULL-terminated. */
extern const struct db_stmt_table *const db_stmt_tables[];

#endif
