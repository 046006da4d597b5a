#!/bin/bash
# Personal access tokens, as the seed makes them with tinker:
# `cpassport client --personal`, then `cpassport token --user --name`.
. "$(dirname "$0")/lib.sh"

stack_start "personal_access_token_lifetime = 7200" || { echo "Bail out! stack did not start"; exit 1; }
for s in read write; do "$CPASSPORT" scope add $s "$s things" >/dev/null; done
echo pw | "$CPASSPORT" user add --email p@example.com --name Pat --scopes read >/dev/null
PAT_ID=$(psql_q "SELECT id FROM users WHERE email = 'p@example.com'")

check "personal-no-client: refused until a personal access client exists" \
    sh -c "'$CPASSPORT' token --user $PAT_ID --name x 2>&1 | grep -q 'client --personal'"
new_client --name "Personal Access Client" --personal
out=$("$CPASSPORT" token --user "$PAT_ID" --name "My CLI" --scopes read,write)
JTI=$(sed -n 's/^Token ID: //p' <<<"$out"); PAT=$(sed -n 's/^Access token: //p' <<<"$out")
c=$(claims "$PAT")
ok $([ -n "$PAT" ] && [ "$(jq -r .jti <<<"$c")" = "$JTI" ]; echo $?) "personal-create: prints the token and its id once"
is "$(( $(jq -r .exp <<<"$c") - $(jq -r .iat <<<"$c") ))" 7200 "personal-lifetime: personal_access_token_lifetime from the config"
is "$(jq -r .scope <<<"$c")" read "personal-scopes: narrowed to what the user holds"
is "$(jq -r .client_id <<<"$c")" "$ID" "personal-client: issued through the personal access client"
is "$(psql_q "SELECT name FROM oauth_access_tokens WHERE id = '$JTI'")" "My CLI" "personal-row: stored with its name"
is "$(psql_q "SELECT count(*) FROM oauth_refresh_tokens")" 0 "personal-no-refresh: no refresh token"
status=$(get /api/user -H "Authorization: Bearer $PAT")
is "$status:$(json .email)" "200:p@example.com" "personal-api-user: /api/user accepts it"
"$CPASSPORT" token list --user "$PAT_ID" >"$WORK/list"
ok $(grep -q "$JTI.*My CLI.*read" "$WORK/list" && ! grep -q "$PAT" "$WORK/list"; echo $?) \
    "personal-list: lists id, name and scopes, never the token"
"$CPASSPORT" token revoke "$JTI" >/dev/null
status=$(get /api/user -H "Authorization: Bearer $PAT")
is "$status:$(json .error)" "401:invalid_token" "personal-revoke: a revoked token is refused at once"
grep -q "yes" <<<"$("$CPASSPORT" token list --user "$PAT_ID")"
ok $? "personal-list-revoked: shown as revoked"
check "personal-revoke-unknown: an unknown jti is an error" \
    sh -c "! '$CPASSPORT' token revoke 7b5e2c1e-0000-4000-8000-000000000000 2>/dev/null"
check "personal-unknown-user: an unknown user is an error" \
    sh -c "! '$CPASSPORT' token --user 999 --name x 2>/dev/null"
check "personal-unknown-scope: an unknown scope is an error" \
    sh -c "! '$CPASSPORT' token --user $PAT_ID --name x --scopes nosuch 2>/dev/null"
check "personal-help: token --help" sh -c "'$CPASSPORT' token --help | grep -q '^usage: cpassport token'"

done_testing
