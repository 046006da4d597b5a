#!/bin/bash
# callback.fcgi with curl: the seed's callback (code in, tokens shown, JSON
# on request), /callback/start's state + PKCE cookie, error pages; and the
# REMOTE_USER mode of the authorization endpoint.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true" || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "read things" >/dev/null
echo 'pw' | "$CPASSPORT" user add --email c@example.com --name Cy --scopes read >/dev/null
new_client --name "Callback app" --redirect "$BASE/callback"; CID=$ID
printf 'callback_client_id = %s\ncallback_client_secret = %s\ncallback_scope = read\n' "$ID" "$SECRET" >>"$CONF"
lighttpd_stop; lighttpd_start
JAR="$WORK/jar"

browse() {	# browse URL-or-PATH [curl args]
	local u=$1; shift
	[[ "$u" == http* ]] || u="$BASE$u"
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -b "$JAR" -c "$JAR" "$@" "$u"
}
field() { sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" "$WORK/body" | head -1 | sed 's/&amp;/\&/g'; }
to_code() {	# from the login form (or, signed in, the consent page): approve; leaves Location
	if grep -q 'name="login_token"' "$WORK/body"; then
		browse /oauth/authorize -X POST --data-urlencode action=login --data-urlencode "request=$(field request)" \
		    --data-urlencode "login_token=$(field login_token)" -d email=c@example.com -d password=pw >/dev/null
		browse "$(header Location)" >/dev/null
	fi
	browse /oauth/authorize -X POST --data-urlencode action=approve --data-urlencode "request=$(field request)" \
	    --data-urlencode "csrf_token=$(field csrf_token)" >/dev/null
	header Location
}

# The seed's simple walk: /oauth/request, no state cookie.
browse "/oauth/request?client=$CID" >/dev/null
browse "$(header Location)" >/dev/null
loc=$(to_code)
status=$(browse "$loc")
ok $([ "$status" = 200 ] && grep -q 'id="access_token"' "$WORK/body" && grep -q 'id="refresh_token"' "$WORK/body"; echo $?) \
    "callback-html: the code is exchanged and the tokens shown"
ok $([ "$(header X-Frame-Options)" = DENY ] && [ "$(header Cache-Control)" = no-store ]; echo $?) \
    "callback-headers: no framing, no caching of the token page"
at=$(sed -n 's/.*id="access_token">\([^<]*\)<.*/\1/p' "$WORK/body")
is "$(get /api/user -H "Authorization: Bearer $at"; json .email)" "200c@example.com" "callback-token-works: /api/user with the shown token"

browse "/oauth/request?client=$CID" >/dev/null; browse "$(header Location)" >/dev/null
loc=$(to_code)
status=$(browse "$loc" -H 'Accept: application/json')
ok $([ "$status" = 200 ] && [ "$(jq -r .token_type "$WORK/body")" = Bearer ] &&
    [ "$(jq -r '.access_token | split(".") | length' "$WORK/body")" = 3 ]; echo $?) \
    "callback-json: Accept: application/json gets the token response as JSON"
status=$(browse "$loc")
is "$status" 400 "callback-code-reused: the same code again is refused (a page, not tokens)"

# /callback/start: state and PKCE in a cookie.
rm -f "$JAR"
status=$(browse /callback/start)
start=$(header Location)
ok $([ "$status" = 302 ] && [[ "$start" == "$BASE/oauth/authorize?"* ]] && [[ "$start" == *code_challenge_method=S256* ]] &&
    [[ "$start" == *state=* ]] && header Set-Cookie | grep -q 'cpassport_callback=.*HttpOnly'; echo $?) \
    "callback-start: redirects with state and an S256 challenge, the verifier kept in an HttpOnly cookie"
browse "$start" >/dev/null
loc=$(to_code)
state=$(python3 -c 'import sys,urllib.parse as u; print(u.parse_qs(u.urlsplit(sys.argv[1]).query)["state"][0])' "$loc")
status=$(browse "${loc/state=$state/state=forged}")
is "$status" 400 "callback-state-mismatch: a state that is not the cookie's is refused"
rm -f "$JAR"; browse /callback/start >/dev/null; browse "$(header Location)" >/dev/null
loc=$(to_code)
status=$(browse "$loc")
ok $([ "$status" = 200 ] && grep -q 'id="access_token"' "$WORK/body"; echo $?) "callback-start-ok: state checked, verifier sent, tokens shown"

status=$(browse "/callback?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=x")
ok $([ "$status" = 400 ] && grep -q 'access_denied' "$WORK/body" && ! grep -q '<script>' "$WORK/body"; echo $?) \
    "callback-error: a clear page, the description escaped"
status=$(browse "/callback")
is "$status" 400 "callback-no-code: 400"

# REMOTE_USER: the web server authenticated the user; no login form.
authz() {	# authz ENV...: one authorize.fcgi request as plain CGI
	env -i CPASSPORT_CONFIG="$CONF" REQUEST_METHOD=GET REMOTE_ADDR=127.0.0.1 \
	    REQUEST_URI="/oauth/authorize?$Q" QUERY_STRING="$Q" "$@" \
	    "$builddir/cgi-bin/authorize.fcgi" 2>>"$WORK/cgi.log"
}
echo "trust_remote_user = true" >>"$CONF"
Q="response_type=code&client_id=$CID&state=r1"
out=$(authz)
ok $([[ "$out" == "Status: 403"* ]] && [[ "$out" != *'name="password"'* ]]; echo $?) \
    "authz-remote-user-missing: without REMOTE_USER a 403 page, no login form"
out=$(authz REMOTE_USER=c@example.com)
cookie=$(sed -n 's/^Set-Cookie: \(cpassport_session=[^;]*\).*/\1/p' <<<"$out" | tr -d '\r')
ok $([[ "$out" == "Status: 303"* ]] && [ -n "$cookie" ]; echo $?) "authz-remote-user: REMOTE_USER starts a session"
out=$(authz REMOTE_USER=c@example.com HTTP_COOKIE="$cookie")
ok $([[ "$out" == "Status: 200"* ]] && [[ "$out" == *'id="approve"'* ]] && [[ "$out" != *'name="password"'* ]]; echo $?) \
    "authz-remote-user-consent: straight to the consent screen"
out=$(authz REMOTE_USER=nobody@example.com)
ok $([[ "$out" == "Status: 403"* ]]; echo $?) "authz-remote-user-unknown: an unknown REMOTE_USER is refused"

done_testing
