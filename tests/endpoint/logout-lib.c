/* The RP-Initiated Logout tests' world; see logout-lib.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/jwt.h"
#include "crypto/keyset.h"
#include "logout-lib.h"

static void
bail(const char *what)
{
	printf("Bail out! %s\n", what);
	exit(1);
}

void
lo_world(struct ep *t, struct lo_world *lw)
{
	static const char *const	 web[] = { LO_BYE, LO_BYE_Q };
	static const char *const	 single[] = { LO_SINGLE_BYE };
	char				 err[256];
	const char			*sid;

	memset(lw, 0, sizeof(*lw));
	ac_world(t, &lw->w, NULL);
	if (admin_client_post_logout(&t->app, lw->w.cid, web, 2, err,
	    sizeof(err)) == -1 || admin_client_post_logout(&t->app,
	    lw->w.single_id, single, 1, err, sizeof(err)) == -1)
		bail(err);
	if (ac_login(t, &lw->jar, "alice@example.com", "pw one", lw->w.q) !=
	    303)
		bail("alice cannot sign in");
	sid = ep_sql(t, "SELECT sid FROM oauth_sessions WHERE user_id = $1",
	    lw->w.alice, NULL);
	if (sid == NULL || strlen(sid) != 36)
		bail("no sid for alice's session");
	snprintf(lw->sid, sizeof(lw->sid), "%s", sid);
	/* The web app's row as approving writes it; the single's by hand. */
	if (ac_code(t, &lw->jar, lw->w.q) == NULL)
		bail("alice cannot approve the web app");
	ep_sql(t, "INSERT INTO oauth_session_clients (sid, client_id) "
	    "VALUES ($1, $2) RETURNING 1", lw->sid, lw->w.single_id, NULL);
}

const char *
lo_hint(struct ep *t, const char *typ, const char *aud, const char *sub,
    const char *sid, long long exp)
{
	static char	 out[JWT_MAX_LEN + 1];
	char		 claims[1024], sidc[96] = "";
	char		*jwt;

	if (sid != NULL)
		snprintf(sidc, sizeof(sidc), ",\"sid\":\"%s\"", sid);
	snprintf(claims, sizeof(claims), "{\"iss\":\"%s\",\"sub\":\"%s\","
	    "\"aud\":\"%s\",\"exp\":%lld,\"iat\":%lld%s}",
	    t->app.cfg.issuer, sub, aud, exp, exp - 3600, sidc);
	if ((jwt = jwt_sign(keyset_current(t->app.keys), typ, claims)) ==
	    NULL)
		bail("jwt_sign");
	snprintf(out, sizeof(out), "%s", jwt);
	free(jwt);
	return out;
}

int
lo_get(struct ep *t, struct ac_jar *j, const char *fmt, ...)
{
	char	target[JWT_MAX_LEN + 4096];
	va_list	ap;
	int	n;

	n = snprintf(target, sizeof(target), "/oauth/logout?");
	va_start(ap, fmt);
	vsnprintf(target + n, sizeof(target) - (size_t)n, fmt, ap);
	va_end(ap);
	return ac_get(t, j, target);
}

int
lo_alive(struct ep *t, struct lo_world *lw)
{
	int	status = ac_get(t, &lw->jar, lw->w.target);

	if (status == 302)
		return ac_loc_param(t, "code") != NULL;
	return status == 200 && ac_has(t, "id=\"approve\"");
}

long
lo_sessions(struct ep *t)
{
	return strtol(ep_sql(t, "SELECT count(*) FROM oauth_sessions", NULL),
	    NULL, 10);
}

long
lo_session_clients(struct ep *t)
{
	return strtol(ep_sql(t, "SELECT count(*) FROM oauth_session_clients",
	    NULL), NULL, 10);
}

int
lo_refused(const struct ep *t, int status, const char *text)
{
	return status == 400 && ep_header(t, "Location") == NULL &&
	    ac_field(t, "csrf_token")[0] == '\0' && ac_has(t, text);
}
