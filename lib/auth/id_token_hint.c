/* Verifying an id_token_hint; see id_token_hint.h. */
#include <string.h>

#include <json-c/json.h>

#include "auth/id_token_hint.h"
#include "base/arena.h"
#include "crypto/jose.h"
#include "crypto/jwt.h"
#include "parse/valid.h"

/* The typ our id_tokens carry (Core §2 leaves it open; RFC 7519 §5.1). */
#define ID_TOKEN_TYP	"JWT"

/* Core §2: aud is a string, or an array; we issue one audience only. */
static const char *
audience(json_object *claims)
{
	json_object	*v;

	if (!json_object_object_get_ex(claims, "aud", &v))
		return NULL;
	if (json_object_is_type(v, json_type_array)) {
		if (json_object_array_length(v) != 1)
			return NULL;
		v = json_object_array_get_idx(v, 0);
	}
	return jose_string(v);
}

/* The claims of a verified token, judged (Core §3.1.3.7 steps 2, 3). */
static int
claims_valid(struct arena *a, json_object *claims, const char *issuer,
    struct id_token_hint *out)
{
	json_object	*v, *sidv;
	const char	*iss, *sub, *aud, *sid = NULL;

	if ((iss = jose_member_str(claims, "iss")) == NULL ||
	    strcmp(iss, issuer) != 0)
		return 0;
	if ((sub = jose_member_str(claims, "sub")) == NULL || *sub == '\0' ||
	    (aud = audience(claims)) == NULL || *aud == '\0')
		return 0;
	if (!json_object_object_get_ex(claims, "exp", &v) ||
	    !json_object_is_type(v, json_type_int))
		return 0;
	/* Our sids are the sessions' UUIDs (sql/005_openid.sql). */
	if (json_object_object_get_ex(claims, "sid", &sidv) &&
	    ((sid = jose_string(sidv)) == NULL || !uuid_valid(sid)))
		return 0;
	out->sub = arena_strdup(a, sub);
	out->aud = arena_strdup(a, aud);
	out->sid = sid != NULL ? arena_strdup(a, sid) : NULL;
	out->exp = json_object_get_int64(v);
	return 1;
}

int
id_token_hint_verify(struct arena *a, const struct keyset *ks,
    const char *issuer, const char *token, size_t len,
    struct id_token_hint *out)
{
	json_object	*claims;
	int		 ok;

	memset(out, 0, sizeof(*out));
	if (issuer == NULL || token == NULL || len > JWT_MAX_LEN)
		return 0;
	/*
	 * RFC 8725 §3.1 (the key's one algorithm), §3.11 (typ keeps an
	 * access token, typ at+jwt, from passing as a hint).
	 */
	if (jwt_verify(ks, token, len, ID_TOKEN_TYP, &claims) != JWT_OK)
		return 0;
	ok = claims_valid(a, claims, issuer, out);
	json_object_put(claims);
	return ok;
}
