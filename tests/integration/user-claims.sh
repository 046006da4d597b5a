#!/bin/bash
# `cpassport user claim`, `user claims`, `user verify-email` and
# `--email-verified` as an operator runs them, and what a token then
# carries through the web server.  The rules themselves are in process:
# tests/endpoint/oidc-claims-*.c.
. "$(dirname "$0")/lib.sh"

stack_start "claim = department profile
claim = badge email
access_token_claims = department" || { echo "Bail out! stack did not start"; exit 1; }

fails() {	# fails PATTERN COMMAND...: exits non-zero, stderr matches
	local pat=$1; shift
	! "$@" >/dev/null 2>"$WORK/stderr" && grep -qE "$pat" "$WORK/stderr"
}

echo pw | "$CPASSPORT" user add --email ann@example.com --name Ann --scopes 'openid,profile,email' \
    --email-verified >/dev/null
ok $? "cli-user-add-email-verified: a user added verified"
ANN=$(psql_q "SELECT id FROM users WHERE email = 'ann@example.com'")
ok $([ "$(psql_q "SELECT email_verified FROM users WHERE id = $ANN")" = t ]; echo $?) \
    "cli-user-add-email-verified: email_verified is true"

out=$("$CPASSPORT" user claim "$ANN" 'department=R&D' 'badge={"n": 7}' level=3)
ok $([ "$out" = "user $ANN: 3 claims set, 0 removed" ]; echo $?) "cli-user-claim: three claims set"
"$CPASSPORT" user claims "$ANN" >"$WORK/claims"
ok $(printf '%-24s  %s\n' NAME VALUE badge '{"n": 7}' department '"R&D"' level 3 | cmp -s - "$WORK/claims"; echo $?) \
    "cli-user-claims: listed by name, each value as JSON (a string, an object, a number)"
out=$("$CPASSPORT" user claim "$ANN" --unset level)
ok $([ "$out" = "user $ANN: 0 claims set, 1 removed" ] &&
    [ "$(psql_q "SELECT count(*) FROM cpassport_user_claims WHERE user_id = $ANN")" = 2 ]; echo $?) \
    "cli-user-claim-unset: --unset removes one"
check "cli-user-claim-registered: a registered name is refused, clearly" \
    fails '"email" is a registered claim name' "$CPASSPORT" user claim "$ANN" email=x@example.com
check "cli-user-claim-bad-name: a malformed name is refused, clearly" \
    fails 'bad claim name "a b"' "$CPASSPORT" user claim "$ANN" 'a b=1'
check "cli-user-claim-null: null is refused" fails 'may not be null' "$CPASSPORT" user claim "$ANN" x=null
check "cli-user-claim-long: a value over 2048 bytes is refused" \
    fails '1-2048 bytes' "$CPASSPORT" user claim "$ANN" "x=$(head -c 2049 /dev/zero | tr '\0' a)"
check "cli-user-claim-unknown-user: an unknown user is refused" \
    fails 'no user with id 424242' "$CPASSPORT" user claim 424242 x=1
check "cli-user-claim-unset-missing: removing a claim the user lacks is refused" \
    fails 'has no claim "nosuch"' "$CPASSPORT" user claim "$ANN" --unset nosuch
check "cli-user-claims-unknown-user: listing an unknown user's claims is refused" \
    fails 'no user with id 424242' "$CPASSPORT" user claims 424242
check "cli-user-claim-nothing: a claim command with no claim is a usage error" \
    fails 'usage' "$CPASSPORT" user claim "$ANN"
out=$("$CPASSPORT" user unverify-email "$ANN")
ok $([ "$out" = "user $ANN: e-mail not verified" ] &&
    [ "$(psql_q "SELECT email_verified FROM users WHERE id = $ANN")" = f ]; echo $?) \
    "cli-user-unverify-email: cleared"
out=$("$CPASSPORT" user verify-email "$ANN")
ok $([ "$out" = "user $ANN: e-mail verified" ] &&
    [ "$(psql_q "SELECT email_verified FROM users WHERE id = $ANN")" = t ]; echo $?) \
    "cli-user-verify-email: set"
check "cli-user-verify-email-unknown: an unknown user is refused" \
    fails 'no user with id 424242' "$CPASSPORT" user verify-email 424242

# What a token says: the access token carries department (profile).
new_client --name App --password; CID=$ID CSECRET=$SECRET
post -u "$CID:$CSECRET" -d grant_type=password -d username=ann@example.com -d password=pw \
    -d 'scope=openid profile' >/dev/null
AT=$(json .access_token)
ok $([ "$(claims "$AT" | jq -r .department)" = 'R&D' ]; echo $?) \
    "user-claims-access-token: the access token carries the claim set by the CLI"
# And userinfo through lighttpd (/oauth/userinfo -> user.fcgi).
status=$(get /oauth/userinfo -H "Authorization: Bearer $AT")
ok $([ "$status" = 200 ] && [ "$(jq -c . "$WORK/body")" = \
    "{\"sub\":\"$ANN\",\"department\":\"R&D\",\"name\":\"Ann\",\"updated_at\":$(psql_q \
    "SELECT extract(epoch FROM updated_at)::bigint FROM users WHERE id = $ANN")}" ]; echo $?) \
    "user-claims-userinfo: sub, the profile claims and department, as the CLI set them"
post -u "$CID:$CSECRET" -d grant_type=password -d username=ann@example.com -d password=pw \
    -d 'scope=openid email' >/dev/null
status=$(get /oauth/userinfo -X POST --data-urlencode "access_token=$(json .access_token)")
ok $([ "$status" = 200 ] && [ "$(jq -c '[.badge, .email, .email_verified, .department]' "$WORK/body")" = \
    '[{"n":7},"ann@example.com",true,null]' ]; echo $?) \
    "user-claims-userinfo-post: the form body's token; email releases badge and the verified e-mail"

done_testing
