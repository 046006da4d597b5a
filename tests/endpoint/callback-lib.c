/* Helpers of the callback.fcgi tests; see callback-lib.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "callback-lib.h"

void
cb_world(struct ep *t, struct cb_world *w)
{
	struct client_spec	 cb = { .name = "Callback app",
				    .redirects = { CB_ISSUER "/callback" },
				    .nredirects = 1 };
	struct client_spec	 other = { .name = "Other app",
				    .redirects = { CB_ISSUER "/callback" },
				    .nredirects = 1 };
	char			 unused[SECRET_TEXT_LEN + 1];

	memset(w, 0, sizeof(*w));
	ep_scope(t, "read", "read things");
	ep_user(t, "c@example.com", "read", "pw");
	ep_client(t, &cb, w->cid, w->secret);
	ep_client(t, &other, w->other_id, unused);
	/* What callback.sh appends to the config once the client exists. */
	t->app.cfg.callback_client_id = strdup(w->cid);
	t->app.cfg.callback_client_secret = strdup(w->secret);
	t->app.cfg.callback_scope = strdup("read");
	if (t->app.cfg.callback_client_id == NULL ||
	    t->app.cfg.callback_client_secret == NULL ||
	    t->app.cfg.callback_scope == NULL) {
		printf("Bail out! out of memory\n");
		exit(1);
	}
}

int
cb_get(struct ep *t, enum ep_program p, const char *uri, const char *cookie,
    const char *https)
{
	const char	*q = strchr(uri, '?');

	return ep_call(t, p, &(struct ep_req){ .method = "GET", .uri = uri,
	    .query = q ? q + 1 : "", .cookie = cookie, .https = https });
}

const char *
cb_set_cookie(const struct ep *t, const char *name)
{
	size_t	i, n = strlen(name);

	for (i = 0; i < t->resp.nheaders; i++)
		if (strcasecmp(t->resp.headers[i].name, "Set-Cookie") == 0 &&
		    strncmp(t->resp.headers[i].value, name, n) == 0 &&
		    t->resp.headers[i].value[n] == '=')
			return t->resp.headers[i].value;
	return NULL;
}

const char *
cb_cookie(const struct ep *t, const char *name)
{
	static char	 v[512];
	const char	*h;

	if ((h = cb_set_cookie(t, name)) == NULL)
		return NULL;
	h += strlen(name) + 1;
	snprintf(v, sizeof(v), "%.*s", (int)strcspn(h, ";"), h);
	return v;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

const char *
cb_qparam(const char *url, const char *name)
{
	static char	 out[2048];
	const char	*p;
	size_t		 n = strlen(name), o = 0;

	out[0] = '\0';
	if (url == NULL || (p = strchr(url, '?')) == NULL)
		return out;
	for (p++; *p; p += strcspn(p, "&"), p += *p == '&') {
		if (strncmp(p, name, n) != 0 || p[n] != '=')
			continue;
		for (p += n + 1; *p && *p != '&' && o + 1 < sizeof(out); p++) {
			if (*p == '%' && hexval(p[1]) >= 0 &&
			    hexval(p[2]) >= 0) {
				out[o++] = (char)(hexval(p[1]) * 16 +
				    hexval(p[2]));
				p += 2;
			} else
				out[o++] = *p == '+' ? ' ' : *p;
		}
		break;
	}
	out[o] = '\0';
	return out;
}

int
cb_has(const char *s, const char *part)
{
	return s != NULL && strstr(s, part) != NULL;
}
