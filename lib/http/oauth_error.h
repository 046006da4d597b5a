/*
 * The one table of OAuth errors: each with its HTTP status and its RFC
 * error code (RFC 6749 §5.2 for the token endpoint, §4.1.2.1 for
 * authorization, RFC 6750 §3.1 for resources, OpenID Connect Core
 * §3.1.2.6 for the authentication request).  Grant code returns an
 * enum oauth_error and a constant description; oauth_error_write() is the
 * only place that turns them into a response.
 */
#ifndef CPASSPORT_OAUTH_ERROR_H
#define CPASSPORT_OAUTH_ERROR_H

#include "http/http.h"

struct json_object;

#define OAUTH_ERRORS(X)							\
	X(OAUTH_OK,			200, NULL)			\
	X(OAUTH_INVALID_REQUEST,	400, "invalid_request")		\
	X(OAUTH_INVALID_CLIENT,		401, "invalid_client")		\
	X(OAUTH_INVALID_GRANT,		400, "invalid_grant")		\
	X(OAUTH_UNAUTHORIZED_CLIENT,	400, "unauthorized_client")	\
	X(OAUTH_UNSUPPORTED_GRANT_TYPE,	400, "unsupported_grant_type")	\
	X(OAUTH_INVALID_SCOPE,		400, "invalid_scope")		\
	X(OAUTH_UNAUTHORIZED,		401, NULL)			\
	X(OAUTH_UNSUPPORTED_RESPONSE_TYPE, 400, "unsupported_response_type") \
	X(OAUTH_ACCESS_DENIED,		403, "access_denied")		\
	X(OAUTH_INVALID_TOKEN,		401, "invalid_token")		\
	X(OAUTH_INSUFFICIENT_SCOPE,	403, "insufficient_scope")	\
	X(OAUTH_METHOD_NOT_ALLOWED,	405, "invalid_request")		\
	X(OAUTH_BODY_TIMEOUT,		408, "invalid_request")		\
	X(OAUTH_BODY_TOO_LARGE,		413, "invalid_request")		\
	X(OAUTH_TOO_MANY_REQUESTS,	429, "temporarily_unavailable")	\
	X(OAUTH_SERVER_ERROR,		500, "server_error")		\
	X(OAUTH_TEMPORARILY_UNAVAILABLE, 503, "temporarily_unavailable")	\
	/* the client row changed while a token was issued on it */	\
	X(OAUTH_CLIENT_CHANGED,		503, "temporarily_unavailable")	\
	/* OpenID Connect Core §3.1.2.6: authorization errors only */	\
	X(OAUTH_INTERACTION_REQUIRED,	400, "interaction_required")	\
	X(OAUTH_LOGIN_REQUIRED,		400, "login_required")		\
	X(OAUTH_ACCOUNT_SELECTION_REQUIRED, 400,				\
	    "account_selection_required")				\
	X(OAUTH_CONSENT_REQUIRED,	400, "consent_required")	\
	X(OAUTH_INVALID_REQUEST_URI,	400, "invalid_request_uri")	\
	X(OAUTH_INVALID_REQUEST_OBJECT,	400, "invalid_request_object")	\
	X(OAUTH_REQUEST_NOT_SUPPORTED,	400, "request_not_supported")	\
	X(OAUTH_REQUEST_URI_NOT_SUPPORTED, 400,				\
	    "request_uri_not_supported")				\
	X(OAUTH_REGISTRATION_NOT_SUPPORTED, 400,				\
	    "registration_not_supported")

enum oauth_error {
#define X(e, status, code) e,
	OAUTH_ERRORS(X)
#undef X
	OAUTH__MAX
};

const char	*oauth_error_code(enum oauth_error);

/*
 * The one mapping of a database outcome (enum db_status of store/db.h,
 * passed as an int so that this header needs no store/ header): DB_OK is
 * OAUTH_OK, a lost connection OAUTH_TEMPORARILY_UNAVAILABLE (503, the
 * client may retry), anything else OAUTH_SERVER_ERROR.
 */
enum oauth_error oauth_db_error(int db_status);

/*
 * The error_description an answer carries: desc, except that a 5xx
 * describes the server, never the request.  Whatever an earlier step
 * set, a 503 says only "the service is temporarily unavailable" and a
 * 500 says nothing more.  Every writer of an error passes through here.
 */
const char	*oauth_error_desc(enum oauth_error, const char *desc);

/*
 * What a step of a token-endpoint request comes to: the error (OAUTH_OK
 * when it succeeded), a description, and what the error's answer must
 * carry.  Grants, client authentication and the endpoints' checks return
 * one; the endpoint writes success or failure in one place.
 */
struct oauth_outcome {
	enum oauth_error	 error;
	const char		*desc;	/* one of our constants, or NULL */
	int			 basic_used;	/* the client tried Basic */
	int			 client_revoked; /* invalid_client: revoked */
	long			 retry_after;	/* seconds; 0: the error's */
};

/* The outcome e with the description d, no flag set. */
#define OAUTH_OUTCOME(e, d)						\
	((struct oauth_outcome){ .error = (e), .desc = (d) })

/*
 * Write o as a JSON error response: {"error":…,"error_description":…}
 * with Cache-Control: no-store and Pragma: no-cache (a 405's Allow is the
 * router's, route.h).  invalid_client adds WWW-Authenticate: Basic when
 * the client tried Basic (RFC 6749 §5.2); Retry-After is o->retry_after,
 * or 5 for a 503.  The description is one of our own constant strings,
 * never request data (and see oauth_error_desc).  OAUTH_OK is written as
 * a 500: a success has no error to write.
 */
void	oauth_error_write(struct http_response *, const struct oauth_outcome *);

/*
 * The same for a protected resource (RFC 6750 §3): the JSON body plus
 * WWW-Authenticate: Bearer realm="cpassport"[, error=…,
 * error_description=…][, scope=…].  OAUTH_UNAUTHORIZED (no credentials
 * sent) carries no error code (§3.1).
 */
void	oauth_bearer_error_write(struct http_response *, enum oauth_error,
	    const char *desc, const char *scope);

/* Write a JSON success body (200) with the no-store headers. */
void	oauth_json_write(struct http_response *, const char *json);
/* oauth_json_write() of o, plain and with "/" unescaped; o is put here. */
void	oauth_json_object_write(struct http_response *, struct json_object *o);

#endif
