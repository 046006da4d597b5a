/* The access token of a protected resource; see resource_token.h. */
#include <stdio.h>
#include <string.h>

#include "auth/transport.h"
#include "crypto/jwt.h"
#include "endpoint/post_form.h"
#include "endpoint/resource_token.h"
#include "parse/bearer_header.h"

/* A POST whose body there is to read (or whose reading failed). */
static int
has_body(const struct http_request *req)
{
	return strcmp(req->method, "POST") == 0 && (req->body_len > 0 ||
	    req->body_too_large || req->body_truncated ||
	    req->body_timed_out);
}

static struct oauth_outcome
find(const struct app *app, const struct http_request *req, int with_form,
    const char **tok, size_t *len)
{
	static const struct form_param	params[] = {
		{ "access_token", JWT_MAX_LEN },
	};
	struct form_value		v[1] = { { NULL, 0 } };
	enum bearer_header		h;
	enum oauth_error		e;
	const char			*desc = NULL;

	/* RFC 6750 §5.3, RFC 6749 §1.6: a Bearer token only over TLS. */
	if (!transport_allowed(app, req))
		return OAUTH_OUTCOME(OAUTH_INVALID_REQUEST,
		    "this endpoint requires TLS");
	/* RFC 6750 §2.2: a form-encoded body of a POST. */
	if (with_form && has_body(req) && (e = post_form_parse(app, req,
	    params, 1, v, &desc)) != OAUTH_OK)
		return OAUTH_OUTCOME(e, desc);
	h = bearer_header_parse(req->authorization, JWT_MAX_LEN, tok, len);
	if (v[0].s != NULL) {
		/* RFC 6750 §3.1: "more than one method" is invalid_request. */
		if (h != BEARER_HEADER_NONE)
			return OAUTH_OUTCOME(OAUTH_INVALID_REQUEST,
			    "the access token was sent more than one way");
		*tok = v[0].s;
		*len = v[0].len;
		return OAUTH_OUTCOME(OAUTH_OK, NULL);
	}
	if (h == BEARER_HEADER_NONE)
		return OAUTH_OUTCOME(OAUTH_UNAUTHORIZED,
		    "a Bearer token is required");
	if (h == BEARER_HEADER_MALFORMED)
		return OAUTH_OUTCOME(OAUTH_INVALID_REQUEST,
		    "malformed Authorization header");
	return OAUTH_OUTCOME(OAUTH_OK, NULL);
}

static struct oauth_outcome
check(struct arena *a, struct app *app, const char *tok, size_t len,
    struct access_token *t)
{
	switch (access_token_check(a, app, tok, len, 1, t)) {
	case ACCESS_ACTIVE:
		break;
	case ACCESS_UNAVAILABLE:
		return OAUTH_OUTCOME(OAUTH_TEMPORARILY_UNAVAILABLE, NULL);
	case ACCESS_ERROR:
		return OAUTH_OUTCOME(OAUTH_SERVER_ERROR, NULL);
	default:
		return OAUTH_OUTCOME(OAUTH_INVALID_TOKEN,
		    "the access token is invalid, expired or revoked");
	}
	/* RFC 6750 §3.1: "invalid for other reasons": no user to speak of. */
	if (t->user_id == NULL)
		return OAUTH_OUTCOME(OAUTH_INVALID_TOKEN,
		    "the access token does not represent a user");
	return OAUTH_OUTCOME(OAUTH_OK, NULL);
}

int
resource_token_accept(struct app *app, const struct http_request *req,
    struct http_response *r, const struct resource_rule *rule,
    struct access_token *t)
{
	struct oauth_outcome	 o;
	const char		*tok;
	size_t			 len;

	memset(t, 0, sizeof(*t));
	if ((o = find(app, req, rule->with_form, &tok, &len)).error ==
	    OAUTH_OK && (o = check(req->arena, app, tok, len, t)).error ==
	    OAUTH_OK && rule->scope != NULL &&
	    !scope_allows(&t->scopes, rule->scope))
		/* RFC 6750 §3.1: a token without the scope: 403. */
		o = OAUTH_OUTCOME(OAUTH_INSUFFICIENT_SCOPE, rule->lacks);
	if (o.error != OAUTH_OK) {
		oauth_bearer_error_write(r, o.error, o.desc,
		    o.error == OAUTH_INSUFFICIENT_SCOPE ? rule->scope : NULL);
		return -1;
	}
	snprintf(r->log_client, sizeof(r->log_client), "%s", t->client_id);
	return 0;
}
