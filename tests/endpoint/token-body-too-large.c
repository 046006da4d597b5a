/*
 * A token request whose CONTENT_LENGTH is over FORM_MAX_BODY (by one byte
 * too), or is not a number, is refused unread with 413 (RFC 9110
 * §15.5.14) and the OAuth error invalid_request (RFC 6749 §5.2).  The
 * request is made from the web server's parameters by
 * http_request_params(), as http.c makes it; that the answer arrives
 * whole over a socket while the body is left unread stays in
 * client-credentials.sh.
 */
#include "token-lib.h"
#include "parse/form.h"

int
main(void)
{
	struct ep	 t;
	char		 len[32];
	const char	*envp[] = { "REQUEST_METHOD=POST",
			    "REQUEST_URI=/oauth/token",
			    "CONTENT_TYPE=application/x-www-form-urlencoded",
			    "REMOTE_ADDR=127.0.0.1", len, NULL };

	ep_start(&t, NULL);
	/* 9000 bytes of username, as the shell tier sent. */
	snprintf(len, sizeof(len), "CONTENT_LENGTH=%d", 9000 + 64);
	tk_call_env(&t, envp, NULL);
	tk_is_error(&t, "413:invalid_request",
	    "token-body-too-large: 413 invalid_request");
	snprintf(len, sizeof(len), "CONTENT_LENGTH=%d", FORM_MAX_BODY + 1);
	tk_call_env(&t, envp, NULL);
	tk_is_error(&t, "413:invalid_request",
	    "token-body-too-large: one byte over FORM_MAX_BODY is refused");
	snprintf(len, sizeof(len), "CONTENT_LENGTH=12x");
	tk_call_env(&t, envp, NULL);
	tk_is_error(&t, "413:invalid_request",
	    "token-body-bad-length: a CONTENT_LENGTH that is not a number is "
	    "refused unread");
	return ep_finish(&t);
}
