/* The pages of callback.fcgi; see callback_pages.h. */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "client/callback_pages.h"

#define ERROR_CODE_MAX		64	/* an error code shown: [a-z_]{1,64} */
#define ERROR_DESC_SHOWN	512	/* bytes of an error_description shown */

int
callback_error_code_valid(const char *s)
{
	size_t	n = strlen(s);

	return n > 0 && n <= ERROR_CODE_MAX &&
	    strspn(s, "abcdefghijklmnopqrstuvwxyz_") == n;
}

void
callback_page_error(struct http_response *r, enum error_page p,
    const char *code, const char *desc)
{
	const char	*detail = "";
	size_t		 n;

	if (code != NULL && callback_error_code_valid(code))
		detail = arena_printf(r->arena,
		    "<p>Error: <code id=\"error\">%s</code></p>", code);
	if (desc != NULL && *desc != '\0') {
		/* Cut on a UTF-8 boundary. */
		if ((n = strlen(desc)) > ERROR_DESC_SHOWN) {
			n = ERROR_DESC_SHOWN;
			while (n > 0 && ((unsigned char)desc[n] & 0xc0) == 0x80)
				n--;
		}
		detail = arena_printf(r->arena, "%s<p>Description: "
		    "<span id=\"error_description\">%s</span></p>", detail,
		    html_escape(r->arena, arena_strndup(r->arena, desc, n)));
	}
	page_error_with(r, p, NULL, detail);
}

void
callback_page_redirect(struct http_response *r, const char *url)
{
	char	*body;

	body = arena_printf(r->arena, "<h1>Redirecting</h1><p>Continue to "
	    "<a href=\"%s\">the authorization server</a>.</p>",
	    html_escape(r->arena, url));
	html_page(r, 302, "Redirecting", body);
	http_resp_header(r, "Location", "%s", url);
}

/* s html-escaped into the arena, "" when NULL. */
static char *
esc(struct arena *a, const char *s)
{
	return html_escape(a, s != NULL ? s : "");
}

void
callback_page_tokens(struct http_response *r, const char *issuer,
    const struct token_answer *a)
{
	const char	*at = a->access_token;
	char		*e_at, *e_rt, *e_tt, *e_ei, *e_sc, *e_is, *body;
	const char	*rt_html = "", *curl_html = "";
	size_t		 n = strlen(at);

	e_at = esc(r->arena, a->access_token);
	e_rt = esc(r->arena, a->refresh_token);
	e_tt = esc(r->arena, a->token_type);
	e_ei = esc(r->arena, a->expires_in);
	e_sc = esc(r->arena, a->scope);
	e_is = html_escape(r->arena, issuer);
	if (*e_rt != '\0')
		rt_html = arena_printf(r->arena, "<h2>Refresh token</h2>"
		    "<pre id=\"refresh_token\">%s</pre>", e_rt);
	/* Only a b64token (RFC 6750 §2.1) goes into a shell line. */
	if (strspn(at, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-._~+/=") == n)
		curl_html = arena_printf(r->arena, "<h2>Try it</h2><p>Call the "
		    "API with the "
		    "access token:</p><pre id=\"api_example\">curl -H "
		    "'Authorization: Bearer %s' '%s/api/user'</pre>", e_at,
		    e_is);
	body = arena_printf(r->arena, "<h1>Tokens</h1>"
	    "<p>The authorization code was exchanged for these tokens. "
	    "Store the tokens in your consuming application and start "
	    "making API requests!</p>"
	    "<h2>Access token</h2><pre id=\"access_token\">%s</pre>%s"
	    "<p>Token type: <code id=\"token_type\">%s</code><br>"
	    "Expires in: <code id=\"expires_in\">%s</code> seconds<br>"
	    "Scope: <code id=\"scope\">%s</code></p>%s",
	    e_at, rt_html, e_tt, e_ei, e_sc, curl_html);
	html_page(r, 200, "Tokens", body);
}
