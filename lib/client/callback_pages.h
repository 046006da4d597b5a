/*
 * The pages of callback.fcgi: its errors (the page table of http/html.h)
 * with what an answer carried, the redirect to the authorization server,
 * and the tokens (ids read by the browser tests).  Nothing the request
 * or the token endpoint sent is shown unescaped.
 */
#ifndef CPASSPORT_CALLBACK_PAGES_H
#define CPASSPORT_CALLBACK_PAGES_H

#include "client/token_client.h"
#include "http/html.h"

/* 1 for an error code we show: [a-z_]{1,64} (RFC 6749 §4.1.2.1, §5.2). */
int	callback_error_code_valid(const char *);

/*
 * Error page p with the error code (shown only when
 * callback_error_code_valid()) and description (cut to 512 bytes on a
 * UTF-8 boundary, escaped) an answer carried; either may be NULL.
 */
void	callback_page_error(struct http_response *, enum page p,
	    const char *code, const char *desc);

/* The 302 to url, with a link to it for a browser that stays. */
void	callback_page_redirect(struct http_response *, const char *url);

/* The tokens of a's answer (RFC 6749 §5.1); a->access_token is set. */
void	callback_page_tokens(struct http_response *, const char *issuer,
	    const struct token_answer *a);

#endif
