/*
 * bench/hello.c: the smallest FastCGI responder, built and run by
 * bench/run behind lighttpd as the floor of every endpoint's rate: what
 * the web server, the FastCGI hop and wrk cost on this machine with no
 * work behind them.  Same libfcgi loop and close as lib/http/http.c.
 */
#include <stdio.h>

#include <fcgiapp.h>

static const char answer[] = "Status: 200 OK\r\n"
    "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

int
main(void)
{
	FCGX_Request	r;

	if (FCGX_Init() != 0 || FCGX_InitRequest(&r, 0, 0) != 0)
		return 1;
	while (FCGX_Accept_r(&r) >= 0) {
		FCGX_PutStr(answer, sizeof(answer) - 1, r.out);
		/* All input read (a GET): close at once, as finish() does. */
		if (FCGX_GetChar(r.in) == EOF)
			FCGX_Detach(&r);
		FCGX_Finish_r(&r);
	}
	return 0;
}
