/*
 * GET /api/user with a valid Bearer token (RFC 6750 §2.1): the token's
 * user as {id, name, email}, id a number, not to be cached; the scheme's
 * name is case-insensitive (RFC 7235 §2.1).
 */
#include "resource-lib.h"

int
main(void)
{
	struct ep	 t;
	struct rl_ann	 a;
	char		 at[RL_TOKEN_MAX], lower[RL_TOKEN_MAX + 16];
	json_object	*id;

	ep_start(&t, RL_ANN_CONFIG);
	rl_ann_world(&t, &a);
	snprintf(at, sizeof(at), "%s", rl_ann_token(&t, &a, "profile other"));
	rl_user(&t, at);
	ep_ok(t.resp.status == 200 && rl_eq(ep_json(&t, "id"), a.ann, "id") &
	    rl_eq(ep_json(&t, "name"), "Ann \"A\" Lee", "name") &
	    rl_eq(ep_json(&t, "email"), "a@example.com", "email") &
	    (t.json != NULL && json_object_object_get_ex(t.json, "id", &id) &&
	    json_object_is_type(id, json_type_int)),
	    "api-user-ok: the token's user as {id, name, email}");
	ep_is(ep_header(&t, "Cache-Control"), "no-store", "api-user-no-store");
	snprintf(lower, sizeof(lower), "bearer %s", at);
	ep_is_int(ep_call(&t, EP_USER, &(struct ep_req){ .method = "GET",
	    .uri = "/api/user", .authorization = lower }), 200,
	    "api-user-scheme-case: the scheme is case-insensitive");
	return ep_finish(&t);
}
