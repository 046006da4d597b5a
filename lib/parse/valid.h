/* Validators for values taken from requests and the CLI.  Pure. */
#ifndef CPASSPORT_VALID_H
#define CPASSPORT_VALID_H

/* 1 when s is a canonical UUID text (8-4-4-4-12 hex digits). */
int	uuid_valid(const char *s);
/* 1 when s is a plausible e-mail address: local@domain, printable, ≤ 254. */
int	email_valid(const char *s);
/* 1 when s is a decimal database id (1 … 2^63-1). */
int	id_valid(const char *s);

#define NONCE_MAX	512	/* bytes of an OpenID Connect nonce */

/*
 * 1 when s is an OpenID Connect nonce we echo (Core §3.1.2.1): 1 to
 * NONCE_MAX bytes of printable ASCII (%x20-7E).
 */
int	nonce_valid(const char *s);

#endif
