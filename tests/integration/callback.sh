#!/bin/bash
# callback.fcgi with curl: the seed's callback (code in, tokens shown, JSON
# on request), /callback/start's state + PKCE cookie, no code exchanged
# that this browser did not start (RFC 6749 §10.12), error pages; and the
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

cookie_of() {	# cookie_of NAME: its value in the jar
	awk -v n="$1" '$6 == n { v = $7 } END { print v }' "$JAR"
}
qparam() {	# qparam NAME URL
	python3 -c 'import sys,urllib.parse as u; q=u.parse_qs(u.urlsplit(sys.argv[2]).query); print(q.get(sys.argv[1],[""])[0])' "$1" "$2"
}
redeem() {	# redeem CODE [curl args]: at the token endpoint as the callback's client
	local code=$1; shift
	post -u "$CID:$SECRET_CB" -d grant_type=authorization_code --data-urlencode "code=$code" \
	    --data-urlencode "redirect_uri=$BASE/callback" "$@"
}
SECRET_CB=$SECRET
new_client --name "Other app" --redirect "$BASE/callback"; OTHER_ID=$ID

# RFC 6749 §10.12: /oauth/request starts the callback's own flow at /callback/start.
rm -f "$JAR"
status=$(browse "/oauth/request?client=$CID")
ok $([ "$status" = 302 ] && [ "$(header Location)" = "$BASE/callback/start" ] && ! header Set-Cookie | grep -q .; echo $?) \
    "callback-request-route-start: /oauth/request for the callback's client (its own URI first) is a 302 to /callback/start"
# RFC 6749 §4.1.1: any other client goes straight to the authorization endpoint, as before.
status=$(browse "/oauth/request?client=$OTHER_ID")
loc=$(header Location)
ok $([ "$status" = 302 ] && [[ "$loc" == "$BASE/oauth/authorize?"* ]] && [ "$(qparam client_id "$loc")" = "$OTHER_ID" ] &&
    [ "$(qparam redirect_uri "$loc")" = "$BASE/callback" ] && [ -z "$(qparam state "$loc")" ]; echo $?) \
    "callback-request-route-other: /oauth/request for another client (the same redirect URI) goes to /oauth/authorize as before"

# The seed's walk: /oauth/request, /callback/start, login, consent, tokens.
browse "/oauth/request?client=$CID" >/dev/null
browse "$(header Location)" >/dev/null
browse "$(header Location)" >/dev/null
loc=$(to_code)
status=$(browse "$loc")
ok $([ "$status" = 200 ] && grep -q 'id="access_token"' "$WORK/body" && grep -q 'id="refresh_token"' "$WORK/body"; echo $?) \
    "callback-html: the code is exchanged and the tokens shown"
ok $([ "$(header X-Frame-Options)" = DENY ] && [ "$(header Cache-Control)" = no-store ]; echo $?) \
    "callback-headers: no framing, no caching of the token page"
at=$(sed -n 's/.*id="access_token">\([^<]*\)<.*/\1/p' "$WORK/body")
is "$(get /api/user -H "Authorization: Bearer $at"; json .email)" "200c@example.com" "callback-token-works: /api/user with the shown token"

browse /callback/start >/dev/null; browse "$(header Location)" >/dev/null
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
# RFC 6265 §4.1.2: over plain http (allowed here) the cookie has no prefix and no Secure.
ok $(header Set-Cookie | grep -Eq '^cpassport_callback=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Max-Age=600$'; echo $?) \
    "callback-cookie-plain: over plain http, cpassport_callback; Path=/; HttpOnly; SameSite=Lax; Max-Age=600, not Secure"
browse "$start" >/dev/null
loc=$(to_code)
state=$(qparam state "$loc"); code=$(qparam code "$loc")
verifier=$(cookie_of cpassport_callback); verifier=${verifier#*.}
# RFC 6749 §10.12: a state that is not the cookie's is not this browser's answer.
status=$(browse "${loc/state=$state/state=forged}")
ok $([ "$status" = 400 ] && grep -q '<h1>State mismatch</h1>' "$WORK/body" &&
    header Set-Cookie | grep -q '^cpassport_callback=; .*Max-Age=0$'; echo $?) \
    "callback-state-mismatch: a state that is not the cookie's is refused (400 State mismatch), the cookie cleared"
status=$(redeem "$code" --data-urlencode "code_verifier=$verifier")
ok $([ "$status" = 200 ] && [ "$(json .token_type)" = Bearer ]; echo $?) \
    "callback-state-mismatch-code-live: the code was not exchanged: its own client redeems it afterwards"
rm -f "$JAR"; browse /callback/start >/dev/null; browse "$(header Location)" >/dev/null
loc=$(to_code)
status=$(browse "$loc")
ok $([ "$status" = 200 ] && grep -q 'id="access_token"' "$WORK/body"; echo $?) "callback-start-ok: state checked, verifier sent, tokens shown"

# RFC 6749 §10.12, login CSRF: the attacker's own code, from a flow that
# no /callback/start began, sent to a victim's browser.
rm -f "$JAR"
browse "/oauth/authorize?response_type=code&client_id=$CID&redirect_uri=$(jq -rn --arg u "$BASE/callback" '$u|@uri')&state=attacker" >/dev/null
loc=$(to_code)
code=$(qparam code "$loc")
rm -f "$JAR"
status=$(browse "$loc")
ok $([ "$status" = 400 ] && grep -q '<title>Not started here</title>' "$WORK/body" &&
    grep -q 'did not start the sign-in' "$WORK/body" && grep -q '<a href="/callback/start">' "$WORK/body" &&
    ! grep -q 'id="access_token"' "$WORK/body" && header Set-Cookie | grep -q '^cpassport_callback=; .*Max-Age=0$'; echo $?) \
    "callback-no-state-cookie: a code in a browser without the state cookie: 400 Not started here, a link to /callback/start, no tokens"
status=$(redeem "$code")
ok $([ "$status" = 200 ] && [ "$(json .token_type)" = Bearer ]; echo $?) \
    "callback-no-state-code-live: nothing was exchanged: the code still works for its own client"

# RFC 6265bis §4.1.3.2: over TLS (or where plain http is not allowed) the
# cookie is __Host- prefixed and Secure.  callback.fcgi as plain CGI.
cb_cgi() {	# cb_cgi CONF URI [ENV...]: one callback.fcgi request
	local conf=$1 uri=$2; shift 2
	env -i CPASSPORT_CONFIG="$conf" REQUEST_METHOD=GET REMOTE_ADDR=127.0.0.1 \
	    REQUEST_URI="$uri" QUERY_STRING="${uri#*\?}" "$@" \
	    "$builddir/cgi-bin/callback.fcgi" 2>>"$WORK/cgi.log" | tr -d '\r'
}
grep -v '^allow_plain_http' "$CONF" >"$WORK/tls.conf"
host_cookie='^Set-Cookie: __Host-cpassport_callback=[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}; Secure; Path=/; HttpOnly; SameSite=Lax; Max-Age=600$'
tls=$(cb_cgi "$CONF" /callback/start HTTPS=on)
strict=$(cb_cgi "$WORK/tls.conf" /callback/start)
ok $([[ "$tls" == "Status: 302"* ]] && grep -Eq "$host_cookie" <<<"$tls" &&
    [[ "$strict" == "Status: 302"* ]] && grep -Eq "$host_cookie" <<<"$strict"; echo $?) \
    "callback-cookie-host-prefix: with HTTPS=on, and with plain http not allowed, __Host-cpassport_callback; Secure; Path=/; HttpOnly; SameSite=Lax; Max-Age=600"
cv=$(sed -n 's/^Set-Cookie: __Host-cpassport_callback=\([^;]*\);.*/\1/p' <<<"$tls")
st=${cv%%.*}
read_host=$(cb_cgi "$CONF" "/callback?code=not-a-code&state=$st" HTTPS=on HTTP_COOKIE="__Host-cpassport_callback=$cv")
read_plain=$(cb_cgi "$CONF" "/callback?code=not-a-code&state=$st" HTTPS=on HTTP_COOKIE="cpassport_callback=$cv")
ok $([[ "$read_host" == "Status: 400"* ]] && [[ "$read_host" == *'<title>Token request refused</title>'* ]] &&
    grep -q '^Set-Cookie: __Host-cpassport_callback=; Secure; Path=/; .*Max-Age=0$' <<<"$read_host" &&
    [[ "$read_plain" == *'<title>Not started here</title>'* ]]; echo $?) \
    "callback-cookie-host-prefix-read: over TLS /callback reads the __Host- cookie (the state matched, the code went to the token endpoint), clears it, and ignores an unprefixed one"

browse /callback/start >/dev/null
state=$(qparam state "$(header Location)")
status=$(browse "/callback?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=$state")
ok $([ "$status" = 400 ] && grep -q 'access_denied' "$WORK/body" && ! grep -q '<script>' "$WORK/body"; echo $?) \
    "callback-error: a clear page, the description escaped"
status=$(browse "/callback")
is "$status" 400 "callback-no-code: 400"
# The routes: GET only (HEAD too is 405), and nothing else under /callback.
status=$(browse /callback -X POST -d code=x)
ok $([ "$status" = 405 ] && [ "$(header Allow)" = GET ] && grep -q '<title>Method not allowed</title>' "$WORK/body" &&
    header Set-Cookie | grep -q '^cpassport_callback=; .*Max-Age=0$'; echo $?) \
    "callback-method: POST /callback: a 405 page, Allow: GET, the state cookie cleared"
status=$(browse /callback/start -I)
ok $([ "$status" = 405 ] && [ "$(header Allow)" = GET ] && [ -z "$(header Set-Cookie)" ]; echo $?) \
    "callback-start-head: HEAD /callback/start: 405, Allow: GET, no flow started"
status=$(browse /callback/x)
ok $([ "$status" = 404 ] && grep -q '<title>Not found</title>' "$WORK/body" && [ -z "$(header Set-Cookie)" ]; echo $?) \
    "callback-unknown-path: /callback/x: a 404 page pointing to /callback/start, the cookie left alone"

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
# RFC 3875 §4.1.1: REMOTE_USER counts only with the AUTH_TYPE of a server that authenticated.
out=$(authz REMOTE_USER=c@example.com)
out2=$(authz REMOTE_USER=c@example.com AUTH_TYPE=)
ok $([[ "$out" == "Status: 403"* ]] && [[ "$out2" == "Status: 403"* ]] && [[ "$out$out2" != *Set-Cookie:* ]]; echo $?) \
    "authz-remote-user-needs-auth-type: REMOTE_USER without AUTH_TYPE (or with an empty one) signs nobody in: 403, no session"
out=$(authz REMOTE_USER=c@example.com AUTH_TYPE=Basic)
cookie=$(sed -n 's/^Set-Cookie: \(cpassport_session=[^;]*\).*/\1/p' <<<"$out" | tr -d '\r')
ok $([[ "$out" == "Status: 303"* ]] && [ -n "$cookie" ]; echo $?) "authz-remote-user: REMOTE_USER starts a session"
out=$(authz REMOTE_USER=c@example.com AUTH_TYPE=Basic HTTP_COOKIE="$cookie")
ok $([[ "$out" == "Status: 200"* ]] && [[ "$out" == *'id="approve"'* ]] && [[ "$out" != *'name="password"'* ]]; echo $?) \
    "authz-remote-user-consent: straight to the consent screen"
out=$(authz REMOTE_USER=nobody@example.com AUTH_TYPE=Basic)
ok $([[ "$out" == "Status: 403"* ]]; echo $?) "authz-remote-user-unknown: an unknown REMOTE_USER is refused"

done_testing
