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
	return ep_set_cookie(t, name);
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

const char *
cb_qparam(const char *url, const char *name)
{
	const char	*v = ep_url_param(url, name);

	return v != NULL ? v : "";
}

int
cb_has(const char *s, const char *part)
{
	return s != NULL && strstr(s, part) != NULL;
}
