/*
 * What the id_token will say is fixed at approval (Core §2): the code
 * keeps the request's nonce and the approving session's auth_time, sid
 * and amr ("pwd" for the login form, RFC 8176 §2); the session's
 * sign-in to the client is recorded for RP-initiated logout
 * (oauth_session_clients), once however often it approves.
 */
#include "oidc-lib.h"

#define CODE_ROW	"FROM oauth_auth_codes c JOIN oauth_sessions s " \
			"ON s.sid = c.sid WHERE c.id = " \
			"sha256(convert_to($1, 'UTF8'))"

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	char			 code[512];
	const char		*c;

	oidc_world(&t, &w, NULL);
	c = ac_code(&t, &w.jar, oidc_query(w.cid, "openid",
	    "&nonce=n-0S6_WzA2Mj"));
	snprintf(code, sizeof(code), "%s", c ? c : "");
	ep_is(ep_sql(&t, "SELECT c.nonce " CODE_ROW, code, NULL),
	    "n-0S6_WzA2Mj", "oidc-code-nonce: the code keeps the nonce");
	ep_is(ep_sql(&t, "SELECT c.auth_time = s.auth_time AND "
	    "c.amr = s.amr AND s.amr = 'pwd' AND "
	    "(SELECT count(*) FROM oauth_sessions) = 1 " CODE_ROW, code, NULL),
	    "t", "oidc-code-session: the session's sid, auth_time and amr "
	    "pwd");
	ac_code(&t, &w.jar, oidc_query(w.cid, "openid", ""));
	ep_is(ep_sql(&t, "SELECT string_agg(sc.client_id::text, ' ') "
	    "FROM oauth_session_clients sc JOIN oauth_sessions s "
	    "ON s.sid = sc.sid", NULL), w.cid,
	    "oidc-session-clients: the session signed in to the client, "
	    "recorded once");
	return ep_finish(&t);
}
