/* Proof Key for Code Exchange, RFC 7636. */
#ifndef CPASSPORT_PKCE_H
#define CPASSPORT_PKCE_H

#define PKCE_MIN	43	/* RFC 7636 §4.1: 43 … 128 characters */
#define PKCE_MAX	128

/* 1 when s is 43-128 characters of [A-Za-z0-9-._~] (§4.1, §4.2). */
int	pkce_syntax_valid(const char *s);
/* 1 for "S256", and for "plain" when allow_plain (RFC 9700 §2.1.1). */
int	pkce_method_valid(const char *method, int allow_plain);
/* BASE64URL(SHA256(verifier)), §4.2; caller frees, NULL on error. */
char	*pkce_s256(const char *verifier);
/*
 * 1 when verifier matches challenge under method (§4.6): S256 compares
 * BASE64URL(SHA256(verifier)) with the challenge in constant time.
 */
int	pkce_matches(const char *method, const char *challenge,
	    const char *verifier);

#endif
