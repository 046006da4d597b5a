/* RFC 7636 checks; see pkce.h. */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "crypto/pkce.h"
#include "parse/b64.h"

int
pkce_syntax_valid(const char *s)
{
	size_t	n;

	if (s == NULL || (n = strlen(s)) < PKCE_MIN || n > PKCE_MAX)
		return 0;
	/* unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~" */
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-._~") == n;
}

int
pkce_method_valid(const char *method, int allow_plain)
{
	return method != NULL && (strcmp(method, "S256") == 0 ||
	    (allow_plain && strcmp(method, "plain") == 0));
}

char *
pkce_s256(const char *verifier)
{
	unsigned char	md[32];
	unsigned int	mdlen = sizeof(md);

	if (EVP_Digest(verifier, strlen(verifier), md, &mdlen, EVP_sha256(),
	    NULL) != 1)
		return NULL;
	return b64url_encode(md, mdlen);
}

int
pkce_matches(const char *method, const char *challenge, const char *verifier)
{
	char		*want;
	size_t		 n;
	int		 same;

	if (!pkce_syntax_valid(verifier) || challenge == NULL)
		return 0;
	if (strcmp(method, "plain") == 0)
		want = strdup(verifier);
	else
		want = pkce_s256(verifier);
	if (want == NULL)
		return 0;
	n = strlen(want);
	same = n == strlen(challenge) &&
	    CRYPTO_memcmp(want, challenge, n) == 0;
	free(want);
	return same;
}
