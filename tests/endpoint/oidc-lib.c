/* The OpenID Connect tests' world; see oidc-lib.h. */
#include <stdio.h>
#include <string.h>

#include "oidc-lib.h"

void
oidc_world(struct ep *t, struct oidc_world *w, const char *extra)
{
	struct client_spec	 web = { .name = "Web app", .nredirects = 1,
				    .redirects = { AC_CB } };
	struct client_spec	 nonce = { .name = "Nonce app",
				    .first_party = 1, .require_nonce = 1,
				    .nredirects = 1, .redirects = { AC_CB } };
	char			 conf[512];

	memset(w, 0, sizeof(*w));
	snprintf(conf, sizeof(conf), "allow_plain_http = true\n"
	    "default_scope = read\n%s", extra ? extra : "");
	ep_start(t, conf);
	ep_scope(t, "read", "Read things");
	snprintf(w->alice, sizeof(w->alice), "%s", ep_user(t,
	    "alice@example.com", "openid,profile,email,read", "pw one"));
	ep_client(t, &web, w->cid, w->csecret);
	ep_client(t, &nonce, w->nid, w->nsecret);
	ac_login(t, &w->jar, "alice@example.com", "pw one",
	    oidc_query(w->cid, "openid", ""));
}

const char *
oidc_query(const char *client_id, const char *scope, const char *more)
{
	static char	q[4][2048];
	static int	i;

	i = (i + 1) % 4;
	snprintf(q[i], sizeof(q[i]), "response_type=code&client_id=%s"
	    "&redirect_uri=%s&scope=%s&state=s-1%s", client_id, ac_enc(AC_CB),
	    ac_enc(scope), more);
	return q[i];
}

const char *
oidc_code(struct ep *t, struct oidc_world *w, const char *query)
{
	static char	 code[512];
	char		 target[4096];
	const char	*c;

	snprintf(target, sizeof(target), "/oauth/authorize?%s", query);
	ac_get(t, &w->jar, target);
	if (t->resp.status == 200)
		ac_consent(t, &w->jar, "approve");
	if ((c = ac_loc_param(t, "code")) == NULL)
		return NULL;
	snprintf(code, sizeof(code), "%s", c);
	return code;
}

int
oidc_exchange(struct ep *t, const char *id, const char *secret,
    const char *code)
{
	return ep_token(t, ep_basic(id, secret),
	    "grant_type=authorization_code&code=%s&redirect_uri=%s",
	    ac_enc(code), ac_enc(AC_CB));
}
