/*
 * An id_token_hint (Core §3.1.2.1; RP-Initiated Logout 1.0 §2): an
 * id_token this server issued, sent back by a relying party as untrusted
 * input.  The one check that the authorization endpoint (prompt=none)
 * and the end-session endpoint share.
 */
#ifndef CPASSPORT_ID_TOKEN_HINT_H
#define CPASSPORT_ID_TOKEN_HINT_H

#include <stddef.h>

#include "base/arena.h"
#include "crypto/keyset.h"

struct id_token_hint {
	char		*sub;
	char		*aud;	/* the one audience: the client id */
	char		*sid;	/* a UUID, or NULL when the token has none */
	long long	 exp;	/* reported, never judged */
};

/*
 * 1 when token[0..len) (at most JWT_MAX_LEN bytes) is an id_token of
 * ours: signed by a key of ks with that key's algorithm (the kid picks
 * the key, so any algorithm of the set), header typ "JWT", iss equal to
 * issuer, a non-empty string sub, an aud that is a string or an array of
 * exactly one string, an integer exp, and a sid, when present, that is a
 * UUID.  The expiry is NOT judged: RP-Initiated Logout 1.0 §2 has the OP
 * accept an expired hint, and Core §3.1.2.1 only asks that we issued it.
 * On 1 *out is filled, its strings in the arena; on 0 *out is zeroed.
 */
int	id_token_hint_verify(struct arena *, const struct keyset *ks,
	    const char *issuer, const char *token, size_t len,
	    struct id_token_hint *out);

#endif
