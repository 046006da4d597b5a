/*
 * A refresh token keeps its family's OpenID context (Core §12.2): from
 * an openid code exchange the approving session's auth_time, sid and
 * amr, copied to each rotated successor; from a grant without openid
 * none (NULL), so its refreshes never make an id_token.
 */
#include "oidc-lib.h"

/* The refresh row of access token $1, beside the one session. */
#define RT_ROW	"FROM oauth_refresh_tokens r JOIN oauth_access_tokens a " \
		"ON a.id = r.access_token_id, oauth_sessions s " \
		"WHERE a.id = $1::uuid"

/* The jti of the last token response's access token (static). */
static const char *
jti(struct ep *t)
{
	static char	 out[64];
	json_object	*c = ep_jwt_claims(ep_json(t, "access_token"));

	snprintf(out, sizeof(out), "%s", ep_claim(c, "jti") ?
	    ep_claim(c, "jti") : "");
	json_object_put(c);
	return out;
}

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	static char		 at[OIDC_TOKEN_MAX], idt[OIDC_TOKEN_MAX];
	char			 rt[512];

	oidc_world(&t, &w, NULL);
	oidc_tokens(&t, &w, "openid read", "", at, idt);
	snprintf(rt, sizeof(rt), "%s", ep_json(&t, "refresh_token") ?
	    ep_json(&t, "refresh_token") : "");
	ep_is(ep_sql(&t, "SELECT r.sid = s.sid AND r.auth_time = s.auth_time "
	    "AND r.amr = s.amr " RT_ROW,
	    jti(&t), NULL), "t", "oidc-refresh-row-openid: the session's "
	    "auth_time, sid and amr");
	ep_token(&t, ep_basic(w.cid, w.csecret), "grant_type=refresh_token&"
	    "refresh_token=%s&scope=read", ac_enc(rt));
	ep_is(ep_sql(&t, "SELECT r.sid = s.sid AND r.auth_time = s.auth_time "
	    "AND r.amr = s.amr " RT_ROW,
	    jti(&t), NULL), "t", "oidc-refresh-row-rotated: its successor "
	    "keeps them, even narrowed to read");
	oidc_tokens(&t, &w, "read", "", at, idt);
	ep_is(ep_sql(&t, "SELECT r.sid IS NULL AND r.auth_time IS NULL AND "
	    "r.amr IS NULL " RT_ROW, jti(&t), NULL), "t",
	    "oidc-refresh-row-oauth: without openid, none");
	return ep_finish(&t);
}
