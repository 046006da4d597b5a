/*
 * The callback's client of the token endpoint: the libcurl POST that
 * exchanges an authorization code (RFC 6749 §4.1.3), and the parse of
 * the answer (§5.1, §5.2) as a pure function over a buffer, which the
 * fuzzer drives without a network.
 */
#ifndef CPASSPORT_TOKEN_CLIENT_H
#define CPASSPORT_TOKEN_CLIENT_H

#include <stddef.h>

#include "parse/config.h"

#define TOKEN_MAX_RESPONSE	(64 * 1024)	/* bytes of the token answer */

/*
 * The members of one answer that the callback uses (RFC 6749 §5.1,
 * §5.2), each the member's text when it is a string, number or boolean,
 * NULL otherwise; json is the whole object again (plain, slashes
 * unescaped), what an API client is sent.  Every string is owned.
 */
#define TOKEN_MEMBERS(X)						\
	X(access_token)							\
	X(token_type)							\
	X(expires_in)							\
	X(refresh_token)						\
	X(scope)							\
	X(error)							\
	X(error_description)

struct token_answer {
	char	*json;
#define X(name) char *name;
	TOKEN_MEMBERS(X)
#undef X
};

/*
 * buf[0..len) as exactly one JSON object (whitespace around allowed), at
 * most TOKEN_MAX_RESPONSE bytes and 16 levels deep.  Returns 0, or -1
 * with every member of *out NULL.  Either way release *out with
 * token_answer_free(), which wipes the tokens.
 */
int	token_answer_parse(const char *buf, size_t len, struct token_answer *);
void	token_answer_free(struct token_answer *);

enum token_result {
	TOKEN_ANSWERED = 0,	/* an HTTP answer: *status and *out */
	TOKEN_NO_CLIENT,	/* libcurl could not be set up */
	TOKEN_UNREACHABLE,	/* no answer: connection, TLS, timeout */
	TOKEN_TOO_LARGE,	/* an answer over TOKEN_MAX_RESPONSE bytes */
};

/*
 * POST grant_type=authorization_code with code, redirect_uri and the
 * code_verifier (RFC 7636 §4.5) to endpoint, authenticated with HTTP
 * Basic as callback_client_id/callback_client_secret, both
 * form-urlencoded first (RFC 6749 §2.3.1).  No redirect is followed; the
 * whole exchange has 10 seconds.  On TOKEN_ANSWERED *status is the HTTP
 * status and *out the parsed answer (all NULL when it is not a JSON
 * object); otherwise *out is all NULL and why is logged.  No token, code
 * or secret is logged.
 */
enum token_result token_exchange(const struct config *, const char *endpoint,
	    const char *code, const char *redirect_uri, const char *verifier,
	    long *status, struct token_answer *out);

#endif
