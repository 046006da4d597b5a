/*
 * Core §12.2: a refresh whose scope still holds openid gets a new
 * id_token with the first one's iss, sub, aud, azp, auth_time, sid and
 * amr, a fresh iat, the at_hash of the new access token, and no nonce
 * (it binds the authentication request; a refresh is none).  A refresh
 * narrowed to scopes without openid gets none; a later one asking
 * openid again (within the first grant, RFC 6749 §6) gets one.
 */
#include "oidc-lib.h"

/* The refresh grant of the web app, + more; the refresh token renewed. */
static int
refresh(struct ep *t, const struct oidc_world *w, char rt[512],
    const char *more, char at[OIDC_TOKEN_MAX], char idt[OIDC_TOKEN_MAX])
{
	const char	*v;
	int		 status;

	status = ep_token(t, ep_basic(w->cid, w->csecret),
	    "grant_type=refresh_token&refresh_token=%s%s", ac_enc(rt), more);
	snprintf(rt, 512, "%s", (v = ep_json(t, "refresh_token")) ? v : "");
	snprintf(at, OIDC_TOKEN_MAX, "%s", (v = ep_json(t, "access_token")) ?
	    v : "");
	snprintf(idt, OIDC_TOKEN_MAX, "%s", (v = ep_json(t, "id_token")) ?
	    v : "");
	return status;
}

/* The claim of a and b is the same (and there). */
static int
same(json_object *a, json_object *b, const char *name)
{
	return ep_claim(a, name) != NULL &&
	    ac_eq(ep_claim(a, name), ep_claim(b, name));
}

int
main(void)
{
	struct ep		 t;
	struct oidc_world	 w;
	static char		 at[OIDC_TOKEN_MAX], idt[OIDC_TOKEN_MAX];
	char			 rt[512];
	json_object		*first, *again;
	int			 status;

	oidc_world(&t, &w, NULL);
	oidc_tokens(&t, &w, "openid read", "&nonce=n-1", at, idt);
	snprintf(rt, sizeof(rt), "%s", ep_json(&t, "refresh_token") ?
	    ep_json(&t, "refresh_token") : "");
	first = ep_jwt_claims(idt);
	status = refresh(&t, &w, rt, "", at, idt);
	again = ep_jwt_claims(idt);
	ep_ok(status == 200 && again != NULL, "oidc-refresh-id-token: a "
	    "refresh with openid gets an id_token");
	ep_ok(same(first, again, "iss") && same(first, again, "sub") &&
	    same(first, again, "aud") && same(first, again, "azp") &&
	    same(first, again, "auth_time") && same(first, again, "sid") &&
	    same(first, again, "amr"), "oidc-refresh-id-token-same: iss, "
	    "sub, aud, azp, auth_time, sid and amr of the first");
	ep_ok(ep_claim(first, "nonce") != NULL &&
	    ep_claim(again, "nonce") == NULL, "oidc-refresh-id-token-no-nonce: "
	    "the first echoed it, the refreshed one has none");
	ep_is(ep_claim(again, "at_hash"), oidc_at_hash(at, 0),
	    "oidc-refresh-id-token-at-hash: of the new access token");
	json_object_put(again);
	status = refresh(&t, &w, rt, "&scope=read", at, idt);
	ep_ok(status == 200 && *at != '\0' && *idt == '\0',
	    "oidc-refresh-no-openid: narrowed to read, no id_token");
	status = refresh(&t, &w, rt, "&scope=openid", at, idt);
	again = ep_jwt_claims(idt);
	ep_ok(status == 200 && same(first, again, "sid") &&
	    same(first, again, "auth_time"), "oidc-refresh-openid-again: "
	    "openid asked again, the same session's id_token");
	json_object_put(again);
	json_object_put(first);
	return ep_finish(&t);
}
