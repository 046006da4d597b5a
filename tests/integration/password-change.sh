#!/bin/bash
# RFC 9700 §4.14.2 (a password change is a security event that revokes refresh tokens):
# `cpassport user passwd` ends the user's sessions, unused codes, access
# and refresh tokens in one transaction, keeping personal access tokens;
# `cpassport user revoke ID` ends all of them, personal ones included.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true" || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "read things" >/dev/null
echo 'old pw' | "$CPASSPORT" user add --email u@example.com --name Uma --scopes read >/dev/null
UID_=$(psql_q "SELECT id FROM users WHERE email = 'u@example.com'")
echo 'other pw' | "$CPASSPORT" user add --email o@example.com --name Otto --scopes read >/dev/null
new_client --name "Password app" --password; PW_ID=$ID PW_SECRET=$SECRET
new_client --name "First party" --first-party --redirect https://app.example/cb; FP_ID=$ID FP_SECRET=$SECRET
new_client --name "Personal Access Client" --personal
JAR="$WORK/jar"
AQ="response_type=code&client_id=$FP_ID&scope=read&state=s"

browse() {	# browse PATH [curl args]: GET with the cookie jar; prints status
	local path=$1; shift
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -b "$JAR" -c "$JAR" "$@" "$BASE$path"
}
field() { sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" "$WORK/body" | head -1 | sed 's/&amp;/\&/g'; }
code_of() { sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$(header Location)"; }
sign_in() {	# sign_in PASSWORD: a session in $JAR through the login form
	rm -f "$JAR"
	browse "/oauth/authorize?$AQ" >/dev/null
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -b "$JAR" -c "$JAR" \
	    -X POST "$BASE/oauth/authorize" --data-urlencode action=login \
	    --data-urlencode "request=$(field request)" --data-urlencode "login_token=$(field login_token)" \
	    --data-urlencode email=u@example.com --data-urlencode "password=$1"
}
grant() {	# grant PASSWORD: sets AT and RT from the password grant
	post -u "$PW_ID:$PW_SECRET" -d grant_type=password -d username=u@example.com \
	    --data-urlencode "password=$1" -d scope=read >/dev/null
	AT=$(json .access_token); RT=$(json .refresh_token)
}
# Everything a user can be signed in with: a session, an unused code, an
# access and refresh token pair, a personal access token.
signed_in_everywhere() {	# signed_in_everywhere PASSWORD
	sign_in "$1" >/dev/null
	browse "/oauth/authorize?$AQ" >/dev/null; CODE=$(code_of)
	grant "$1"
	PAT=$("$CPASSPORT" token --user "$UID_" --name "cli $RANDOM" | sed -n 's/^Access token: //p')
}
session_alive() { [ "$(browse "/oauth/authorize?$AQ")" = 302 ] && [ -n "$(code_of)" ]; }
refresh_status() { post -u "$PW_ID:$PW_SECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$1"; }
api_status() { get /api/user -H "Authorization: Bearer $1"; }
introspect_active() {
	form /oauth/introspect -u "$PW_ID:$PW_SECRET" --data-urlencode "token=$1" >/dev/null
	json .active
}
exchange_status() {
	post -u "$FP_ID:$FP_SECRET" -d grant_type=authorization_code --data-urlencode "code=$1" \
	    --data-urlencode redirect_uri=https://app.example/cb
}

signed_in_everywhere 'old pw'
ok $(session_alive && [ "$(api_status "$AT")" = 200 ] && [ "$(api_status "$PAT")" = 200 ] &&
    [ "$(introspect_active "$AT")" = true ] && [ -n "$CODE" ] && [ -n "$RT" ]; echo $?) \
    "password-change-setup: a session, a code, access, refresh and personal tokens are live"
AT_U=$AT RT_U=$RT
post -u "$PW_ID:$PW_SECRET" -d grant_type=password -d username=o@example.com -d 'password=other pw' -d scope=read >/dev/null
OTHER_AT=$(json .access_token)

out=$(echo 'new pw' | "$CPASSPORT" user passwd "$UID_")
ok $([ $? = 0 ] && grep -q "personal access tokens kept" <<<"$out"; echo $?) \
    "password-change-cli: passwd says what it ended ($out)"
ok $(! session_alive; echo $?) "password-change-ends-session: the login session is gone (login form again)"
is "$(refresh_status "$RT_U"):$(json .error)" "400:invalid_grant" \
    "password-change-ends-refresh: the refresh token is refused"
is "$(api_status "$AT_U")" 401 "password-change-ends-access: /api/user refuses the access token"
is "$(introspect_active "$AT_U")" false "password-change-ends-introspection: the access token is inactive"
is "$(exchange_status "$CODE"):$(json .error)" "400:invalid_grant" \
    "password-change-ends-code: an unused authorization code is refused"
is "$(api_status "$PAT")" 200 "password-change-keeps-personal: a personal access token survives (cpassport(8))"
is "$(api_status "$OTHER_AT")" 200 "password-change-other-user: another user's token stays"
grant 'old pw' >/dev/null
is "$(json .error)" invalid_grant "password-change-old-refused: the old password no longer works"

signed_in_everywhere 'new pw'
out=$("$CPASSPORT" user revoke "$UID_")
ok $([ $? = 0 ] && grep -q "ended 1 sessions, 1 codes, 3 access tokens, 1 refresh tokens" <<<"$out"; echo $?) \
    "user-revoke-counts: it says what it ended, both personal tokens counted ($out)"
ok $(! session_alive && [ "$(api_status "$AT")" = 401 ] && [ "$(api_status "$PAT")" = 401 ] &&
    [ "$(refresh_status "$RT")" = 400 ] && [ "$(exchange_status "$CODE")" = 400 ] &&
    [ "$(introspect_active "$AT")" = false ]; echo $?) \
    "user-revoke-ends-all: session, code, access, refresh and personal tokens all end"
is "$(api_status "$OTHER_AT")" 200 "user-revoke-other-user: another user's token stays"
grant 'new pw' >/dev/null
is "$(api_status "$AT")" 200 "user-revoke-login-again: the user can sign in again (the password is unchanged)"
out=$("$CPASSPORT" user revoke 999999 2>&1); rc=$?
ok $([ $rc != 0 ] && grep -q "no user with id 999999" <<<"$out"; echo $?) \
    "user-revoke-unknown-user: an error, exit status not 0 ($out)"
out=$("$CPASSPORT" user revoke "1; DROP TABLE users" 2>&1); rc=$?
ok $([ $rc != 0 ] && grep -q "invalid user id" <<<"$out"; echo $?) "user-revoke-bad-id: refused as an invalid id"

done_testing
