#!/bin/bash
# Personal access tokens, as the seed makes them with tinker:
# `cpassport client --personal`, then `cpassport token --user --name`.
# What stays here is the CLI's own output (the token and its id printed
# once, `token list`, `token --help`); what the tokens are and do, and
# what the library refuses, is in process: tests/endpoint/personal-*.c.
. "$(dirname "$0")/lib.sh"

stack_start "personal_access_token_lifetime = 7200" || { echo "Bail out! stack did not start"; exit 1; }
for s in read write; do "$CPASSPORT" scope add $s "$s things" >/dev/null; done
echo pw | "$CPASSPORT" user add --email p@example.com --name Pat --scopes read >/dev/null
PAT_ID=$(psql_q "SELECT id FROM users WHERE email = 'p@example.com'")

new_client --name "Personal Access Client" --personal
out=$("$CPASSPORT" token --user "$PAT_ID" --name "My CLI" --scopes read,write)
JTI=$(sed -n 's/^Token ID: //p' <<<"$out"); PAT=$(sed -n 's/^Access token: //p' <<<"$out")
c=$(claims "$PAT")
ok $([ -n "$PAT" ] && [ "$(jq -r .jti <<<"$c")" = "$JTI" ]; echo $?) "personal-create: prints the token and its id once"
"$CPASSPORT" token list --user "$PAT_ID" >"$WORK/list"
ok $(grep -q "$JTI.*My CLI.*read" "$WORK/list" && ! grep -q "$PAT" "$WORK/list"; echo $?) \
    "personal-list: lists id, name and scopes, never the token"
"$CPASSPORT" token revoke "$JTI" >/dev/null
grep -q "yes" <<<"$("$CPASSPORT" token list --user "$PAT_ID")"
ok $? "personal-list-revoked: shown as revoked"
check "personal-help: token --help" sh -c "'$CPASSPORT' token --help | grep -q '^usage: cpassport token'"

done_testing
