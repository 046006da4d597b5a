/*
 * Unit tests for the error page table of lib/http/html.c: one writer for
 * every HTML error of authorize.fcgi and callback.fcgi, with each page's
 * status, wording and headers, and a message shown only escaped.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "base/arena.h"
#include "endpoint/authorize_pages.h"
#include "http/html.h"
#include "tap.h"

/* The arena a request would give the responses. */
static struct arena	*A;

/* The value of header name in r, or NULL. */
static const char *
header(const struct http_response *r, const char *name)
{
	size_t	i;

	for (i = 0; i < r->nheaders; i++)
		if (strcmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

static void
clear(struct http_response *r)
{
	memset(r, 0, sizeof(*r));
	r->arena = A;
}

/* 1 when a, then b, then c occur in s in that order. */
static int
in_order(const char *s, const char *a, const char *b, const char *c)
{
	const char	*p, *q;

	return (p = strstr(s, a)) != NULL && (q = strstr(p, b)) != NULL &&
	    strstr(q, c) != NULL;
}

/* The error pages of the table (its FORM_PAGES are tested apart). */
static const enum page errors[] = {
#define X(e, status, title, heading, text, tail) e,
	ERROR_PAGES(X)
#undef X
};

static void
test_every_page(void)
{
	struct http_response	 r;
	int			 p, bad = 0;
	const char		*retry;

	memset(&r, 0, sizeof(r));
	r.arena = A;
	for (p = 0; p < (int)(sizeof(errors) / sizeof(errors[0])); p++) {
		page_error(&r, errors[p]);
		retry = header(&r, "Retry-After");
		if (r.status < 400 || r.status > 599 ||
		    strcmp(r.content_type, "text/html; charset=utf-8") != 0 ||
		    header(&r, "Cache-Control") == NULL ||
		    header(&r, "Content-Security-Policy") == NULL ||
		    header(&r, "Allow") != NULL ||
		    (r.status == 503) != (retry != NULL) ||
		    strstr(r.body, "<p class=\"error\">") == NULL)
			bad++;
		clear(&r);
	}
	ok(bad == 0, "page-table: every page is a 4xx/5xx HTML page with the "
	    "page headers, Retry-After on a 503, no Allow (the router's) (%d bad)",
	    bad);
}

/*
 * The login form shown again takes its status and message from the
 * table: 403 for a forged or stale form, 429 when throttled, 200 else.
 */
static void
test_login_form(void)
{
	static const struct {
		enum page	 why;
		int		 status;
		const char	*text;
	} cases[] = {
		{ PAGE_LOGIN, 200, NULL },
		{ PAGE_LOGIN_FAILED, 200, "password is incorrect" },
		{ PAGE_LOGIN_SESSION_ENDED, 200, "session has ended" },
		{ PAGE_LOGIN_EXPIRED, 403, "did not come from this site" },
		{ PAGE_LOGIN_THROTTLED, 429, "Too many failed sign-ins" },
	};
	struct http_response	r;
	size_t			i;
	int			bad = 0;

	clear(&r);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		page_login(&r, cases[i].why, "client_id=x", "tok", "App",
		    "a@example.com");
		if (r.status != cases[i].status ||
		    strstr(r.body, "<h1>Sign in</h1>") == NULL ||
		    (cases[i].text == NULL) !=
		    (strstr(r.body, "role=\"alert\"") == NULL) ||
		    (cases[i].text != NULL &&
		    strstr(r.body, cases[i].text) == NULL))
			bad++;
		clear(&r);
	}
	ok(bad == 0, "page-table: the login form's status and message come "
	    "from the table (%d bad)", bad);
}

/* CSP Level 3 §8.4: the hash is the base64 SHA-256 of the script. */
static void
test_autosubmit_hash(void)
{
	unsigned char		 md[32], b64[64];
	unsigned int		 mdlen;
	struct http_response	 r;
	const char		*csp;
	const char		*pairs[] = { "code", "c<1>", "state", NULL,
				    NULL };

	EVP_Digest(HTML_AUTOSUBMIT, strlen(HTML_AUTOSUBMIT), md, &mdlen,
	    EVP_sha256(), NULL);
	EVP_EncodeBlock(b64, md, (int)mdlen);
	ok(strncmp(HTML_AUTOSUBMIT_HASH, "sha256-", 7) == 0 &&
	    strcmp(HTML_AUTOSUBMIT_HASH + 7, (char *)b64) == 0,
	    "page-autosubmit-hash: HTML_AUTOSUBMIT_HASH is the script's");
	clear(&r);
	page_form_post(&r, "https://a.example/cb?x=1&y=2", pairs);
	csp = header(&r, "Content-Security-Policy");
	ok(r.status == 200 && csp != NULL && strstr(csp, "script-src '"
	    HTML_AUTOSUBMIT_HASH "'") != NULL &&
	    strstr(r.body, "action=\"https://a.example/cb?x=1&amp;y=2\"") &&
	    strstr(r.body, "name=\"code\" value=\"c&lt;1&gt;\"") &&
	    strstr(r.body, "name=\"state\"") == NULL &&
	    strstr(r.body, "<script>" HTML_AUTOSUBMIT "</script>") != NULL,
	    "page-form-post: escaped action and values, no pair without a "
	    "value, the script its CSP allows");
	clear(&r);
}

int
main(void)
{
	struct http_response	 r;

	A = arena_new();
	test_every_page();
	test_login_form();
	test_autosubmit_hash();

	memset(&r, 0, sizeof(r));
	r.arena = A;
	page_error(&r, PAGE_NOT_FOUND);
	ok(r.status == 404 && strstr(r.body, "<title>Error</title>") &&
	    strstr(r.body, "<h1>Request refused</h1>"
	    "<p class=\"error\">Not found.</p></main>") != NULL,
	    "page-authorize-wording: 404 \"Request refused\" / \"Not found.\"");
	clear(&r);

	page_error(&r, PAGE_CB_NOT_FOUND);
	ok(r.status == 404 && strstr(r.body, "<title>Not found</title>") &&
	    strstr(r.body, "<a href=\"/callback/start\">") != NULL,
	    "page-callback-wording: its own 404 names /callback/start");
	clear(&r);

	page_error(&r, PAGE_METHOD);
	ok(r.status == 405 && strstr(r.body, "Method not allowed.") != NULL,
	    "page-method: authorize's 405 says \"Method not allowed.\"");
	clear(&r);

	page_error(&r, PAGE_CB_METHOD);
	ok(r.status == 405 && strstr(r.body, "Only GET is allowed here.") != NULL,
	    "page-method: the callback's 405 says only GET is allowed");
	clear(&r);

	page_error(&r, PAGE_UNAVAILABLE);
	ok(r.status == 503 && !strcmp(header(&r, "Retry-After"), "5") &&
	    strstr(r.body, "temporarily unavailable") != NULL,
	    "page-unavailable: 503 with Retry-After: 5");
	clear(&r);

	page_error_with(&r, PAGE_REFUSED, "bad <b>\"x\"</b> & 'y'", NULL);
	ok(r.status == 400 && strstr(r.body, "<p class=\"error\">bad "
	    "&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#39;y&#39;</p>") != NULL &&
	    strstr(r.body, "<b>") == NULL,
	    "page-message-escaped: a message is shown only escaped");
	clear(&r);

	page_error_with(&r, PAGE_MALFORMED_FORM, "<b>ignored</b>", NULL);
	ok(strstr(r.body, "ignored") == NULL &&
	    strstr(r.body, "Malformed form.") != NULL,
	    "page-text-constant: a page with its own text shows no message");
	clear(&r);

	page_error_with(&r, PAGE_CB_TOKEN_ERROR, NULL, "<p>DETAIL</p>");
	ok(r.status == 400 && in_order(r.body, "refused to exchange",
	    "<p>DETAIL</p>", "Start again</a>"),
	    "page-callback-detail: text, then the detail, then Start again");
	clear(&r);
	arena_release(A);
	return done_testing();
}
