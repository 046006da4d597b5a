/*
 * HTML pages of the browser-facing programs (authorize.fcgi,
 * callback.fcgi): escaping, and one page writer that adds the headers
 * every such page carries: no-store, X-Frame-Options: DENY, a
 * Content-Security-Policy without external assets or framing
 * (frame-ancestors 'none'), Referrer-Policy: no-referrer,
 * X-Content-Type-Options: nosniff.  Pages work without JavaScript.
 */
#ifndef CPASSPORT_HTML_H
#define CPASSPORT_HTML_H

#include "http/http.h"

/* Escape & < > " ' for text and attribute values; caller frees. */
char	*html_escape(const char *);

/*
 * Write a whole page: status, <title>, and body_html (already escaped
 * where it holds data) inside the common layout and style.
 */
void	html_page(struct http_response *, int status, const char *title,
	    const char *body_html);

#endif
