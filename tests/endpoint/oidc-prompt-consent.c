/*
 * prompt=consent (OpenID Connect Core §3.1.2.1) always shows the consent
 * screen: to a first-party client, which never sees it otherwise, and
 * where the user's consent is remembered.  With prompt=none and
 * remembered consent, no page is needed: the code.
 */
#include "authcode-lib.h"

int
main(void)
{
	struct ep		 t;
	struct ac_world		 w;
	struct ac_jar		 jar;
	char			 target[1024];

	ac_world(&t, &w, NULL);
	ac_login(&t, &jar, "alice@example.com", "pw one", w.q);
	ep_ok(ac_fp_get(&t, &w, &jar, "&state=pc&prompt=consent") == 200 &&
	    ac_has(&t, "name=\"csrf_token\"") && ac_has(&t, "First party"),
	    "oidc-prompt-consent-first-party: the consent screen, even for a "
	    "first-party client");
	ep_ok(ac_consent(&t, &jar, "approve") == 302 &&
	    strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-prompt-consent-approve: approved, the code");
	/* Remembered: the web app's read write, approved once. */
	ep_ok(ac_code(&t, &jar, w.q) != NULL, "setup: the web app approved");
	snprintf(target, sizeof(target), "%s&prompt=none", w.target);
	ep_ok(ac_get(&t, &jar, target) == 302 &&
	    strlen(ac_loc_param(&t, "code")) == 43,
	    "oidc-prompt-none-remembered: remembered consent needs no page");
	snprintf(target, sizeof(target), "%s&prompt=consent", w.target);
	ep_ok(ac_get(&t, &jar, target) == 200 &&
	    ac_has(&t, "name=\"csrf_token\"") && ac_has(&t, "Web app"),
	    "oidc-prompt-consent-remembered: asked again although remembered");
	return ep_finish(&t);
}
