/* Redirects with an appended query; see redirect.h. */
#include <stdlib.h>

#include <curl/curl.h>

#include "redirect.h"
#include "xalloc.h"

int
redirect_with(struct http_response *r, const char *base,
    const char *const *pairs)
{
	CURLU	*u;
	char	*kv, *url = NULL;
	int	 rc = -1;

	if ((u = curl_url()) == NULL)
		return -1;
	/* Private-use schemes (com.example.app:/cb) are redirect URIs too. */
	if (curl_url_set(u, CURLUPART_URL, base,
	    CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
		goto out;
	for (; pairs[0] != NULL; pairs += 2) {
		if (pairs[1] == NULL)
			continue;
		kv = xasprintf("%s=%s", pairs[0], pairs[1]);
		/* With APPENDQUERY only the first '=' stays unencoded. */
		if (curl_url_set(u, CURLUPART_QUERY, kv, CURLU_APPENDQUERY |
		    CURLU_URLENCODE) != CURLUE_OK) {
			free(kv);
			goto out;
		}
		free(kv);
	}
	if (curl_url_get(u, CURLUPART_URL, &url, 0) != CURLUE_OK)
		goto out;
	http_resp_body(r, 302, NULL, "", 0);
	http_resp_header(r, "Location", "%s", url);
	http_resp_header(r, "Cache-Control", "no-store");
	rc = 0;
out:
	curl_free(url);
	curl_url_cleanup(u);
	return rc;
}
