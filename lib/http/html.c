/* HTML pages; see html.h. */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "http/html.h"

/* Inline style only: the CSP allows no external asset. */
static const char layout_head[] =
	"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	"<meta name=\"viewport\" content=\"width=device-width, "
	"initial-scale=1\"><title>";
static const char layout_style[] =
	"</title><style>"
	"body{font-family:system-ui,sans-serif;margin:0;padding:1rem;"
	"background:#f4f5f7;color:#1d2129;line-height:1.5}"
	"main{max-width:28rem;margin:2rem auto;background:#fff;"
	"padding:1.5rem;border-radius:8px;box-shadow:0 1px 3px #0002}"
	"h1{font-size:1.4rem;margin-top:0}"
	"label{display:block;margin:.8rem 0 .2rem;font-weight:600}"
	"input[type=email],input[type=password]{width:100%;"
	"box-sizing:border-box;padding:.6rem;font-size:1rem;"
	"border:1px solid #8a8f98;border-radius:4px;min-height:44px}"
	"button{font-size:1rem;padding:.6rem 1.2rem;margin:1rem .5rem 0 0;"
	"border-radius:4px;border:1px solid #1a56db;cursor:pointer;"
	"min-height:44px}a{white-space:nowrap}"
	".primary{background:#1a56db;color:#fff}"
	".secondary{background:#fff;color:#1a56db}"
	"button:focus,input:focus{outline:3px solid #f59e0b;"
	"outline-offset:2px}"
	"ul{padding-left:1.2rem}.error{color:#b91c1c}"
	"code,pre{word-break:break-all;white-space:pre-wrap;"
	"background:#f4f5f7;padding:.2rem}"
	"</style></head><body><main>";
static const char layout_tail[] = "</main></body></html>\n";

char *
html_escape(struct arena *a, const char *s)
{
	size_t		 n = 1;
	const char	*p;
	char		*out, *o;

	for (p = s; *p != '\0'; p++)
		n += strchr("&<>\"'", *p) != NULL ? 6 : 1;
	o = out = arena_alloc(a, n);
	for (p = s; *p != '\0'; p++) {
		const char *rep = NULL;

		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		}
		if (rep != NULL) {
			memcpy(o, rep, strlen(rep));
			o += strlen(rep);
		} else
			*o++ = *p;
	}
	*o = '\0';
	return out;
}

static const struct {
	int		 status;
	const char	*title;
	const char	*heading;
	const char	*text;		/* HTML, a constant; NULL: message */
	const char	*tail;		/* HTML, a constant, or NULL */
} pages[PAGE__MAX] = {
#define X(e, status, title, heading, text, tail)			\
	[e] = { status, title, heading, text, tail },
	ERROR_PAGES(X)
	FORM_PAGES(X)
#undef X
};

/* The CSP of every page; script-src, when a page has its script. */
#define PAGE_CSP	"default-src 'none'; style-src 'unsafe-inline'; " \
			"frame-ancestors 'none'; base-uri 'none'"

static void
write_page(struct http_response *r, enum page p, const char *body_html,
    const char *script)
{
	char	*page;

	page = arena_printf(r->arena, "%s%s%s%s%s%s%s%s", layout_head,
	    html_escape(r->arena, pages[p].title), layout_style, body_html,
	    script != NULL ? "<script>" : "", script != NULL ? script : "",
	    script != NULL ? "</script>" : "", layout_tail);
	http_resp_body(r, pages[p].status, "text/html; charset=utf-8", page,
	    strlen(page));
	http_resp_header(r, "Cache-Control", "no-store");
	http_resp_header(r, "X-Frame-Options", "DENY");
	if (script != NULL)
		http_resp_header(r, "Content-Security-Policy",
		    "%s; script-src '%s'", PAGE_CSP, HTML_AUTOSUBMIT_HASH);
	else
		http_resp_header(r, "Content-Security-Policy", "%s", PAGE_CSP);
	http_resp_header(r, "Referrer-Policy", "no-referrer");
	http_resp_header(r, "X-Content-Type-Options", "nosniff");
}

void
html_page(struct http_response *r, enum page p, const char *body_html)
{
	write_page(r, p, body_html, NULL);
}

void
html_page_autosubmit(struct http_response *r, enum page p,
    const char *body_html)
{
	write_page(r, p, body_html, HTML_AUTOSUBMIT);
}

const char *
page_text(enum page p)
{
	return pages[p].text;
}

void
page_error(struct http_response *r, enum page p)
{
	page_error_with(r, p, NULL, NULL);
}

void
page_error_with(struct http_response *r, enum page p,
    const char *message, const char *detail_html)
{
	char	*msg = NULL, *body;

	if (pages[p].text == NULL)
		msg = html_escape(r->arena, message != NULL ? message : "");
	body = arena_printf(r->arena,
	    "<h1>%s</h1><p class=\"error\">%s</p>%s%s",
	    pages[p].heading, msg != NULL ? msg : pages[p].text,
	    detail_html != NULL ? detail_html : "",
	    pages[p].tail != NULL ? pages[p].tail : "");
	html_page(r, p, body);
	if (pages[p].status == 503)
		http_resp_header(r, "Retry-After", "5");
}
