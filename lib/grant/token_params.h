/* The token endpoint's parameters (RFC 6749 §4, RFC 7636 §4.5). */
#ifndef CPASSPORT_TOKEN_PARAMS_H
#define CPASSPORT_TOKEN_PARAMS_H

#include "parse/form.h"

enum tparam {
	TP_GRANT_TYPE = 0,
	TP_CLIENT_ID,
	TP_CLIENT_SECRET,
	TP_USERNAME,
	TP_PASSWORD,
	TP_SCOPE,
	TP_REFRESH_TOKEN,
	TP_CODE,
	TP_REDIRECT_URI,
	TP_CODE_VERIFIER,
	TP__MAX
};

/* Decoded values, indexed by enum tparam; s == NULL when absent. */
struct token_params {
	struct form_value	 v[TP__MAX];
	const char		*remote_addr;	/* the client's, for throttling */
	struct arena		*arena;		/* the request's: rows read */
};

#endif
