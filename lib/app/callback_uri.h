/*
 * The URIs of the ready-made callback (callback.fcgi), computed from the
 * configuration alone, so that callback.fcgi and the /oauth/request
 * shortcut of authorize.fcgi agree on them.  Every string returned is in
 * the arena.
 */
#ifndef CPASSPORT_CALLBACK_URI_H
#define CPASSPORT_CALLBACK_URI_H

#include "parse/config.h"

struct arena;

/* The issuer without trailing slashes ("" when unset). */
char	*callback_uri_issuer(struct arena *, const struct config *);
/* The callback's own URI: callback_redirect_uri, else issuer + /callback. */
char	*callback_uri_redirect(struct arena *, const struct config *);
/*
 * Where the callback's flow starts: its own URI, query and fragment cut,
 * with /start appended (callback.fcgi serves /callback and /callback/start
 * side by side).
 */
char	*callback_uri_start(struct arena *, const struct config *);
/*
 * 1 when client_id is callback_client_id and redirect_uri is, byte for
 * byte, the callback's own URI: a flow that only /callback/start may begin
 * (RFC 6749 §10.12).  0 otherwise, and when no callback client is set.
 */
int	 callback_uri_is_own(struct arena *, const struct config *,
	    const char *client_id, const char *redirect_uri);

#endif
