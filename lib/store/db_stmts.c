/* The list of the store's statement tables; see db_stmts.h. */
#include <stddef.h>

#include "store/db_stmts.h"

const struct db_stmt_table *const db_stmt_tables[] = {
	&db_tx_stmts,
	&db_client_stmts,
	&db_code_stmts,
	&db_consent_stmts,
	&db_purge_stmts,
	&db_scope_stmts,
	&db_session_stmts,
	&db_session_clients_stmts,
	&db_throttle_stmts,
	&db_token_stmts,
	&db_user_stmts,
	&db_user_revoke_stmts,
	&db_migrate_stmts,
	&db_user_claims_stmts,
	NULL,
};
