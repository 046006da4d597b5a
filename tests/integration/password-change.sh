#!/bin/bash
# RFC 9700 §4.14.2 (a password change is a security event that revokes
# refresh tokens): what `cpassport user passwd` and `cpassport user revoke
# ID` say, and how they refuse an unknown or malformed id.  This stays in
# the shell tier: it asserts the CLI's own output and exit status.  What
# they end (session, code, access, refresh tokens; personal ones kept by
# passwd, ended by revoke) is in process: tests/endpoint/password-change.c
# and user-revoke.c.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true" || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "read things" >/dev/null
echo 'old pw' | "$CPASSPORT" user add --email u@example.com --name Uma --scopes read >/dev/null
UID_=$(psql_q "SELECT id FROM users WHERE email = 'u@example.com'")
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

signed_in_everywhere 'old pw'
out=$(echo 'new pw' | "$CPASSPORT" user passwd "$UID_")
ok $([ $? = 0 ] && grep -q "personal access tokens kept" <<<"$out"; echo $?) \
    "password-change-cli: passwd says what it ended ($out)"

signed_in_everywhere 'new pw'
out=$("$CPASSPORT" user revoke "$UID_")
ok $([ $? = 0 ] && grep -q "ended 1 sessions, 1 codes, 3 access tokens, 1 refresh tokens" <<<"$out"; echo $?) \
    "user-revoke-counts: it says what it ended, both personal tokens counted ($out)"
out=$("$CPASSPORT" user revoke 999999 2>&1); rc=$?
ok $([ $rc != 0 ] && grep -q "no user with id 999999" <<<"$out"; echo $?) \
    "user-revoke-unknown-user: an error, exit status not 0 ($out)"
out=$("$CPASSPORT" user revoke "1; DROP TABLE users" 2>&1); rc=$?
ok $([ $rc != 0 ] && grep -q "invalid user id" <<<"$out"; echo $?) "user-revoke-bad-id: refused as an invalid id"

done_testing
