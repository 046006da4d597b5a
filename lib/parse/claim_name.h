/*
 * Names of the custom claims an operator attaches to users (`cpassport
 * user claim`, the config's `claim` key).  The same rule as the CHECK of
 * cpassport_user_claims (sql/005_openid.sql): a letter or '_', then up to
 * 63 of letters, digits and "_.:-"; never a registered name (RFC 7519
 * §4.1, Core §2 and §5.1), so a custom claim cannot stand in for one the
 * server vouches for.  Pure functions: no I/O.
 */
#ifndef CPASSPORT_CLAIM_NAME_H
#define CPASSPORT_CLAIM_NAME_H

#define CLAIM_NAME_MAX	64	/* bytes of a custom claim's name */

/* 1 when name has the shape (letters, digits, "_.:-", length). */
int	 claim_name_is_wellformed(const char *name);
/* 1 when name is a registered claim name (JWT, OpenID Connect). */
int	 claim_name_is_registered(const char *name);
/* 1 when name may be a custom claim: well-formed and not registered. */
int	 claim_name_valid(const char *name);

#endif
