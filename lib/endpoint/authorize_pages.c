/* Authorization endpoint pages; see authorize_pages.h. */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "endpoint/authorize_pages.h"
#include "http/html.h"

/* A page body built from literal HTML and escaped values. */
struct body {
	struct arena	*arena;	/* the response's, for escaped values */
	char		*s;
	size_t		 len;
};

static void
add(struct body *b, const char *html)
{
	size_t	n = strlen(html);

	b->s = xrealloc(b->s, b->len + n + 1);
	memcpy(b->s + b->len, html, n + 1);
	b->len += n;
}

static void
add_esc(struct body *b, const char *value)
{
	add(b, html_escape(b->arena, value ? value : ""));
}

static void
finish(struct http_response *r, enum page p, struct body *b)
{
	html_page(r, p, b->s);
	free(b->s);
}

void
page_login(struct http_response *r, enum page why,
    const char *request, const char *login_token, const char *client_name,
    const char *email)
{
	struct body	 b = { r->arena, NULL, 0 };
	const char	*error = page_text(why);

	add(&b, "<h1>Sign in</h1><p>to continue to <strong>");
	add_esc(&b, client_name);
	add(&b, "</strong>.</p>");
	if (error != NULL) {
		add(&b, "<p class=\"error\" role=\"alert\">");
		add_esc(&b, error);
		add(&b, "</p>");
	}
	add(&b, "<form method=\"post\" action=\"/oauth/authorize\">"
	    "<input type=\"hidden\" name=\"action\" value=\"login\">"
	    "<input type=\"hidden\" name=\"request\" value=\"");
	add_esc(&b, request);
	add(&b, "\"><input type=\"hidden\" name=\"login_token\" value=\"");
	add_esc(&b, login_token);
	add(&b, "\"><label for=\"email\">E-mail</label>"
	    "<input type=\"email\" id=\"email\" name=\"email\" value=\"");
	add_esc(&b, email);
	add(&b, "\" autocomplete=\"username\" required autofocus>"
	    "<label for=\"password\">Password</label>"
	    "<input type=\"password\" id=\"password\" name=\"password\" "
	    "autocomplete=\"current-password\" required>"
	    "<button type=\"submit\" class=\"primary\">Sign in</button>"
	    "</form>");
	finish(r, why, &b);
}

void
page_consent(struct http_response *r, const char *request, const char *csrf,
    const char *client_name, const char *user, const struct scope_line *s,
    size_t n)
{
	struct body	b = { r->arena, NULL, 0 };
	size_t		i;

	add(&b, "<h1>Authorization request</h1><p><strong>");
	add_esc(&b, client_name);
	add(&b, "</strong> is requesting permission to access your account");
	add(&b, n > 0 ? ":</p><ul>" : ".</p>");
	for (i = 0; i < n; i++) {
		add(&b, "<li><strong>");
		add_esc(&b, s[i].name);
		add(&b, "</strong> — ");
		add_esc(&b, s[i].description);
		add(&b, "</li>");
	}
	if (n > 0)
		add(&b, "</ul>");
	add(&b, "<form method=\"post\" action=\"/oauth/authorize\">"
	    "<input type=\"hidden\" name=\"request\" value=\"");
	add_esc(&b, request);
	add(&b, "\"><input type=\"hidden\" name=\"csrf_token\" value=\"");
	add_esc(&b, csrf);
	add(&b, "\"><button type=\"submit\" name=\"action\" value=\"approve\" "
	    "id=\"approve\" class=\"primary\">Authorize</button>"
	    "<button type=\"submit\" name=\"action\" value=\"deny\" "
	    "id=\"deny\" class=\"secondary\">Cancel</button></form>"
	    "<p>Signed in as ");
	add_esc(&b, user);
	add(&b, ". <a href=\"/oauth/logout\">Sign out</a></p>");
	finish(r, PAGE_CONSENT, &b);
}

static void
add_hidden(struct body *b, const char *name, const char *value)
{
	if (value == NULL)
		return;
	add(b, "<input type=\"hidden\" name=\"");
	add(b, name);
	add(b, "\" value=\"");
	add_esc(b, value);
	add(b, "\">");
}

/* The applications this session signed in to, as a list. */
static void
add_apps(struct body *b, const struct logout_confirm *c)
{
	size_t	i;

	if (c->napps == 0)
		return;
	add(b, "<p>With this sign-in you used:</p>"
	    "<ul id=\"apps\">");
	for (i = 0; i < c->napps; i++) {
		add(b, "<li>");
		add_esc(b, c->apps[i]);
		add(b, "</li>");
	}
	add(b, "</ul>");
}

void
page_select_account(struct http_response *r, const char *request,
    const char *csrf, const char *client_name, const char *user)
{
	struct body	b = { r->arena, NULL, 0 };

	add(&b, "<h1>Choose an account</h1><p>to continue to <strong>");
	add_esc(&b, client_name);
	add(&b, "</strong>.</p><form method=\"post\" action=\"/oauth/authorize\">"
	    "<input type=\"hidden\" name=\"request\" value=\"");
	add_esc(&b, request);
	add(&b, "\"><input type=\"hidden\" name=\"csrf_token\" value=\"");
	add_esc(&b, csrf);
	add(&b, "\"><button type=\"submit\" name=\"action\" value=\"continue\" "
	    "id=\"continue\" class=\"primary\">Continue as ");
	add_esc(&b, user);
	add(&b, "</button><button type=\"submit\" name=\"action\" "
	    "value=\"switch\" id=\"switch\" class=\"secondary\">Use another "
	    "account</button></form>");
	finish(r, PAGE_SELECT_ACCOUNT, &b);
}

void
page_form_post(struct http_response *r, const char *action,
    const char *const *pairs)
{
	struct body		 b = { r->arena, NULL, 0 };
	const char *const	*kv;

	add(&b, "<h1>Continue</h1><form method=\"post\" action=\"");
	add_esc(&b, action);
	add(&b, "\">");
	for (kv = pairs; kv[0] != NULL; kv += 2) {
		if (kv[1] == NULL)
			continue;
		add(&b, "<input type=\"hidden\" name=\"");
		add_esc(&b, kv[0]);
		add(&b, "\" value=\"");
		add_esc(&b, kv[1]);
		add(&b, "\">");
	}
	add(&b, "<noscript><p>JavaScript is off: continue with the "
	    "button.</p><button type=\"submit\" class=\"primary\">"
	    "Continue</button></noscript></form>");
	html_page_autosubmit(r, PAGE_FORM_POST, b.s);
	free(b.s);
}

void
page_logout_confirm(struct http_response *r, const struct logout_confirm *c)
{
	struct body	b = { r->arena, NULL, 0 };

	add(&b, "<h1>Sign out</h1><p>You are signed in as <strong>");
	add_esc(&b, c->user);
	add(&b, "</strong>. Sign out of this site?</p>");
	if (c->other_session) {
		add(&b, "<p class=\"error\" role=\"alert\" id=\"other\">"
		    "The application asked to sign out another sign-in "
		    "than this one. Signing out here ends yours, as ");
		add_esc(&b, c->user);
		add(&b, ".</p>");
	}
	add_apps(&b, c);
	if (c->redirect != NULL) {
		add(&b, "<p>You will then return to <strong>");
		add_esc(&b, c->client_name);
		add(&b, "</strong>.</p>");
	}
	add(&b, "<form method=\"post\" action=\"/oauth/logout\">");
	add_hidden(&b, "csrf_token", c->csrf);
	if (c->redirect != NULL) {
		add_hidden(&b, "client_id", c->client_id);
		add_hidden(&b, "post_logout_redirect_uri", c->redirect);
		add_hidden(&b, "state", c->state);
	}
	add(&b, "<button type=\"submit\" id=\"logout\" "
	    "class=\"primary\">Sign out</button></form>");
	finish(r, PAGE_LOGOUT_CONFIRM, &b);
}

void
page_not_signed_in(struct http_response *r)
{
	html_page(r, PAGE_NOT_SIGNED_IN,
	    "<h1>Not signed in</h1><p>You are not signed in.</p>");
}

void
page_logged_out(struct http_response *r)
{
	html_page(r, PAGE_SIGNED_OUT,
	    "<h1>Signed out</h1><p>You are signed out.</p>");
}
