/*
 * The login session of the authorization endpoint: a cookie holding 256
 * random bits (the database keeps their SHA-256), HttpOnly,
 * SameSite=Lax, and Secure with the __Host- prefix unless the config
 * allows plain http (a localhost demo).  Each session has a CSRF token
 * that the consent form must echo.
 */
#ifndef CPASSPORT_SESSION_H
#define CPASSPORT_SESSION_H

#include "app/app.h"
#include "http/http.h"
#include "store/db_session.h"

#define SESSION_AMR_PWD	"pwd"
#define SESSION_AMR_EXT	"ext"

/*
 * The request's live session: 1 (and *out filled, in the request's
 * arena), 0 when none, -1 when the database failed.
 */
int	session_current(struct app *, const struct http_request *,
	    struct session_row *out);
/*
 * A sign-in: end the request's session, if any (its row deleted: a
 * re-authentication gets a new sid and auth_time, Core §2), start one
 * for user_id, authenticated now by amr (RFC 8176 §2: SESSION_AMR_PWD by
 * the login form, SESSION_AMR_EXT by the web server), set its cookie,
 * and fill *out with its row, in the request's arena.  0, or -1 when
 * the database failed.
 */
int	session_renew(struct app *, const struct http_request *,
	    const char *user_id, const char *amr, struct http_response *,
	    struct session_row *out);
/*
 * End the request's session (if any): its row deleted, its cookie
 * cleared.  0, or -1 when the database failed (the row may live on).
 */
int	session_end(struct app *, const struct http_request *,
	    struct http_response *);

#endif
