#!/bin/bash
# callback.fcgi with curl, where the code goes to the token endpoint over
# HTTP (token_client.c): the seed's callback (code in, tokens shown, JSON
# on request, a code used twice), and after each refusal of RFC 6749
# §10.12 (a forged state, no state cookie) the code still live at the
# token endpoint; the __Host- cookie read over TLS up to the token
# endpoint; and REMOTE_USER counting only with AUTH_TYPE, which only the
# CGI environment carries.  The pages and refusals of one request are in
# process: tests/endpoint/callback-*.c, authz-remote-user.c.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true" || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "read things" >/dev/null
echo 'pw' | "$CPASSPORT" user add --email c@example.com --name Cy --scopes read >/dev/null
# Asked every time: each check walks the consent screen (no remembered consent).
new_client --name "Callback app" --redirect "$BASE/callback" --no-remember-consent; CID=$ID
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

# A state that is not the cookie's: refused (tests/endpoint/callback-refusals.c)
# before the code goes anywhere.
rm -f "$JAR"
browse /callback/start >/dev/null
start=$(header Location)
browse "$start" >/dev/null
loc=$(to_code)
state=$(qparam state "$loc"); code=$(qparam code "$loc")
verifier=$(cookie_of cpassport_callback); verifier=${verifier#*.}
browse "${loc/state=$state/state=forged}" >/dev/null
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
browse "$loc" >/dev/null	# refused: tests/endpoint/callback-refusals.c
status=$(redeem "$code")
ok $([ "$status" = 200 ] && [ "$(json .token_type)" = Bearer ]; echo $?) \
    "callback-no-state-code-live: nothing was exchanged: the code still works for its own client"

# RFC 6265bis §4.1.3.2: over TLS the cookie is __Host- prefixed and
# Secure (tests/endpoint/callback-start.c).  callback.fcgi as plain CGI.
cb_cgi() {	# cb_cgi CONF URI [ENV...]: one callback.fcgi request
	local conf=$1 uri=$2; shift 2
	env -i CPASSPORT_CONFIG="$conf" REQUEST_METHOD=GET REMOTE_ADDR=127.0.0.1 \
	    REQUEST_URI="$uri" QUERY_STRING="${uri#*\?}" "$@" \
	    "$builddir/cgi-bin/callback.fcgi" 2>>"$WORK/cgi.log" | tr -d '\r'
}
tls=$(cb_cgi "$CONF" /callback/start HTTPS=on)
cv=$(sed -n 's/^Set-Cookie: __Host-cpassport_callback=\([^;]*\);.*/\1/p' <<<"$tls")
st=${cv%%.*}
read_host=$(cb_cgi "$CONF" "/callback?code=not-a-code&state=$st" HTTPS=on HTTP_COOKIE="__Host-cpassport_callback=$cv")
read_plain=$(cb_cgi "$CONF" "/callback?code=not-a-code&state=$st" HTTPS=on HTTP_COOKIE="cpassport_callback=$cv")
ok $([[ "$read_host" == "Status: 400"* ]] && [[ "$read_host" == *'<title>Token request refused</title>'* ]] &&
    grep -q '^Set-Cookie: __Host-cpassport_callback=; Secure; Path=/; .*Max-Age=0$' <<<"$read_host" &&
    [[ "$read_plain" == *'<title>Not started here</title>'* ]]; echo $?) \
    "callback-cookie-host-prefix-read: over TLS /callback reads the __Host- cookie (the state matched, the code went to the token endpoint), clears it, and ignores an unprefixed one"

# REMOTE_USER: the web server authenticated the user; no login form.
authz() {	# authz ENV...: one authorize.fcgi request as plain CGI
	env -i CPASSPORT_CONFIG="$CONF" REQUEST_METHOD=GET REMOTE_ADDR=127.0.0.1 \
	    REQUEST_URI="/oauth/authorize?$Q" QUERY_STRING="$Q" "$@" \
	    "$builddir/cgi-bin/authorize.fcgi" 2>>"$WORK/cgi.log"
}
echo "trust_remote_user = true" >>"$CONF"
Q="response_type=code&client_id=$CID&state=r1"
# RFC 3875 §4.1.1: REMOTE_USER counts only with the AUTH_TYPE of a server that authenticated.
out=$(authz REMOTE_USER=c@example.com)
out2=$(authz REMOTE_USER=c@example.com AUTH_TYPE=)
ok $([[ "$out" == "Status: 403"* ]] && [[ "$out2" == "Status: 403"* ]] && [[ "$out$out2" != *Set-Cookie:* ]]; echo $?) \
    "authz-remote-user-needs-auth-type: REMOTE_USER without AUTH_TYPE (or with an empty one) signs nobody in: 403, no session"
# With AUTH_TYPE the same environment does sign in: what makes the check
# above one that can fail.
out=$(authz REMOTE_USER=c@example.com AUTH_TYPE=Basic)
cookie=$(sed -n 's/^Set-Cookie: \(cpassport_session=[^;]*\).*/\1/p' <<<"$out" | tr -d '\r')
ok $([[ "$out" == "Status: 303"* ]] && [ -n "$cookie" ]; echo $?) "authz-remote-user: REMOTE_USER starts a session"

done_testing
