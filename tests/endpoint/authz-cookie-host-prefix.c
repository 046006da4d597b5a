/*
 * Without allow_plain_http the session cookie has the __Host- prefix,
 * Path=/ and Secure (RFC 6265bis §4.1.3.2), so no other host or plain
 * http page can set or read it.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_jar		 jar;
	struct client_spec	 web = { .name = "Web app", .nredirects = 1,
				    .redirects = { AC_CB } };
	char			 id[UUID_TEXT_LEN + 1];
	char			 secret[SECRET_TEXT_LEN + 1], q[512];
	const char		*c;

	ep_start(&t, "default_scope = read");
	ep_scope(&t, "read", "Read or write read things");
	ep_user(&t, "alice@example.com", "read", "pw one");
	ep_client(&t, &web, id, secret);
	snprintf(q, sizeof(q), "response_type=code&client_id=%s&state=s", id);
	ac_login(&t, &jar, "alice@example.com", "pw one", q);
	c = ac_set_cookie(&t, "__Host-cpassport_session");
	ep_ok(t.resp.status == 303 && c != NULL &&
	    strstr(c, "; Path=/;") != NULL && strstr(c, "Secure") != NULL,
	    "authz-cookie-host-prefix: __Host- prefix, Path=/, Secure");
	return ep_finish(&t);
}
