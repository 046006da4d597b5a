/*
 * Scope sets (RFC 6749 §3.3): space-delimited scope-tokens of the
 * characters %x21 / %x23-5B / %x5D-7E.  "*" is Passport's wildcard: a
 * grant or holding of every scope.  Pure functions: no I/O.
 */
#ifndef CPASSPORT_SCOPE_H
#define CPASSPORT_SCOPE_H

#include <stddef.h>

#define SCOPE_MAX_ITEMS	32	/* scopes in one set */
#define SCOPE_MAX_NAME	64	/* bytes of one scope name */
#define SCOPE_MAX_TEXT	(SCOPE_MAX_ITEMS * (SCOPE_MAX_NAME + 1))

/* A value: it holds its names, so it is copied by assignment and
 * needs no freeing. */
struct scope_set {
	char	items[SCOPE_MAX_ITEMS][SCOPE_MAX_NAME + 1];
	size_t	n;
};

/*
 * Parse a space-delimited list into *out (duplicates collapsed, order
 * kept, extra spaces ignored).  Returns 0, or -1 (nothing allocated) on
 * a bad character, a name over SCOPE_MAX_NAME, or more than
 * SCOPE_MAX_ITEMS names; then *out is empty.
 */
int	 scope_parse(const char *, struct scope_set *out);

/* 1 when set lists name literally. */
int	 scope_has(const struct scope_set *, const char *name);
/* 1 when set grants name: lists it or lists "*". */
int	 scope_allows(const struct scope_set *, const char *name);

/*
 * 1 when every name req lists is one granted grants (RFC 6749 §6): a name
 * granted lists or covers with "*", and "*" itself only when granted
 * lists "*".  An empty granted set holds only the empty request.
 */
int	 scope_within(const struct scope_set *req,
	    const struct scope_set *granted);

/*
 * The scopes a token gets: each requested scope that both the client may
 * ask for and the user holds.  A requested "*" stands for everything both
 * allow: "*" itself when both hold "*", else the named scopes they share.
 * docs/DESIGN.md "Scopes": "what was asked ∩ what the client may ask ∩
 * what its user holds".
 */
void	 scope_narrow(const struct scope_set *req,
	    const struct scope_set *client, const struct scope_set *user,
	    struct scope_set *out);

/* "a b c" into out, which it returns. */
char	*scope_join(const struct scope_set *, char out[SCOPE_MAX_TEXT]);

#endif
