/* OAuth grant types, as stored in oauth_clients.grant_types. */
#ifndef CPASSPORT_GRANT_H
#define CPASSPORT_GRANT_H

enum grant {
	GRANT_AUTHORIZATION_CODE = 0,
	GRANT_PASSWORD,
	GRANT_CLIENT_CREDENTIALS,
	GRANT_REFRESH_TOKEN,
	GRANT_PERSONAL_ACCESS,	/* Passport's personal access client */
	GRANT__MAX
};

/* "password" -> GRANT_PASSWORD …; -1 when unknown. */
int		 grant_parse(const char *);
/* Bit set of grants from a space-separated list; unknown names ignored. */
unsigned	 grant_set_parse(const char *);

#endif
