/*
 * The parameters revocation and introspection share (RFC 7009 §2.1,
 * RFC 7662 §2.1), their client authentication, and finding what a
 * presented token is: one of our access tokens (a JWT) or a refresh
 * token (by its SHA-256).  token_type_hint orders the search, nothing
 * more ("honoured, not trusted").
 */
#ifndef CPASSPORT_TOKEN_LOOKUP_H
#define CPASSPORT_TOKEN_LOOKUP_H

#include "auth/access_token.h"
#include "http/http.h"
#include "http/oauth_error.h"
#include "parse/form.h"
#include "store/client_cache.h"
#include "store/db_client.h"
#include "store/db_token.h"

enum lparam {
	LP_TOKEN = 0,
	LP_TOKEN_TYPE_HINT,
	LP_CLIENT_ID,
	LP_CLIENT_SECRET,
	LP__MAX
};

enum lookup_kind {
	LOOKUP_NONE = 0,	/* not a token of ours (or not active/valid) */
	LOOKUP_ACCESS,
	LOOKUP_REFRESH,
};

struct token_lookup {
	struct form_value	 v[LP__MAX];
	struct client		 client;	/* the authenticated caller */
	enum lookup_kind	 kind;
	struct access_token	 access;	/* LOOKUP_ACCESS */
	struct refresh_info	 refresh;	/* LOOKUP_REFRESH */
};

/*
 * Parse the request, authenticate the client (confidential only when
 * need_secret), and look the token up; with check_db, access tokens are
 * checked against their row too.  With a cache (used with check_db
 * only), the client may be judged on the process's copy, confirmed in the
 * statement that checks the token's row: one round trip per request.
 * What it finds is in the request's arena; on error the outcome is for
 * oauth_error_write() and l->kind is LOOKUP_NONE.
 */
struct oauth_outcome token_lookup(struct app *, const struct http_request *,
		    int need_secret, int check_db, struct client_cache *,
		    struct token_lookup *);

#endif
