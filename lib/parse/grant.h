/*
 * OAuth grant types, as stored in oauth_clients.grant_types: the one
 * table, with whether each is a grant_type of the token endpoint
 * (RFC 6749 §4.1.3, §4.3, §4.4, §6), which discovery advertises as
 * grant_types_supported (RFC 8414 §2).
 */
#ifndef CPASSPORT_GRANT_H
#define CPASSPORT_GRANT_H

#define GRANTS(X)							\
	X(GRANT_AUTHORIZATION_CODE,	"authorization_code",	1)	\
	X(GRANT_PASSWORD,		"password",		1)	\
	X(GRANT_CLIENT_CREDENTIALS,	"client_credentials",	1)	\
	X(GRANT_REFRESH_TOKEN,		"refresh_token",	1)	\
	/* Passport's personal access client: the CLI issues its tokens */ \
	X(GRANT_PERSONAL_ACCESS,	"personal_access",	0)

enum grant {
#define X(e, name, token) e,
	GRANTS(X)
#undef X
	GRANT__MAX
};

/* "password" -> GRANT_PASSWORD …; -1 when unknown. */
int		 grant_parse(const char *);
/* Bit set of grants from a space-separated list; unknown names ignored. */
unsigned	 grant_set_parse(const char *);
/* The name of g, as stored and as sent in grant_type. */
const char	*grant_name(enum grant g);
/* 1 when g is a grant_type of the token endpoint. */
int		 grant_at_token_endpoint(enum grant g);

#endif
