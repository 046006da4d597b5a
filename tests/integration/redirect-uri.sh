#!/bin/bash
# Redirect URIs (RFC 6749 §3.1.2, §4.1.2; RFC 8252 §7.1, §7.3): a redirect
# is the registered URI byte for byte plus the query, what may be
# registered, the code exchange with the very string the client registered,
# and loopback URIs that accept any port.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true" || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "Read things" >/dev/null
echo 'pw one' | "$CPASSPORT" user add --email alice@example.com --name Alice --scopes read >/dev/null
. "$(dirname "$0")/authcode-lib.sh"
uri() { jq -rn --arg u "$1" '$u|@uri'; }
VERIFIER=$(head -c 48 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d = | head -c 64)
CHALLENGE=$(printf '%s' "$VERIFIER" | openssl dgst -sha256 -binary | base64 -w0 | tr '+/' '-_' | tr -d =)
# authorize CLIENT REDIRECT [more query]: approve; prints the Location.
authorize() {
	browse "/oauth/authorize?response_type=code&client_id=$1&redirect_uri=$(uri "$2")&state=s1&code_challenge=$CHALLENGE&code_challenge_method=S256${3:-}" >/dev/null
	consent_approve >/dev/null
	location
}
# exchange CLIENT REDIRECT CODE: as a public client, with the verifier.
exchange() {
	post -d grant_type=authorization_code --data-urlencode "client_id=$1" \
	    --data-urlencode "redirect_uri=$2" --data-urlencode "code=$3" \
	    --data-urlencode "code_verifier=$VERIFIER"
}

# Sign in once; the session serves every request below.
new_client --name "Private-use" --public --redirect com.example.app:/oauth2redirect; APP_ID=$ID
status=$(login_as alice@example.com 'pw one' \
    "response_type=code&client_id=$APP_ID&code_challenge=$CHALLENGE&code_challenge_method=S256")
is "$status" 303 "redirect-setup: signed in"

new_client --name "Custom scheme" --public --redirect myapp://callback; MY_ID=$ID
new_client --name "With query" --public --redirect 'https://a/cb?x=1'; Q_ID=$ID

# RFC 8252 §7.1, RFC 6749 §4.1.2: the registered string, then the query.
loc=$(authorize "$APP_ID" com.example.app:/oauth2redirect)
ok $([[ "$loc" == "com.example.app:/oauth2redirect?code="* ]]; echo $?) \
    "redirect-as-registered: com.example.app:/oauth2redirect comes back as itself + ?code=…"
APP_LOC=$loc APP_CODE=$(qparam code "$loc")
loc=$(authorize "$MY_ID" myapp://callback)
ok $([[ "$loc" == "myapp://callback?code="* ]]; echo $?) \
    "redirect-as-registered: myapp://callback comes back without a '/' added"
MY_LOC=$loc MY_CODE=$(qparam code "$loc")
loc=$(authorize "$Q_ID" 'https://a/cb?x=1')
ok $([[ "$loc" == "https://a/cb?x=1&code="* ]] && [ "$(qparam state "$loc")" = s1 ]; echo $?) \
    "redirect-as-registered: https://a/cb?x=1 keeps its query, appended with &code=…"

# RFC 6749 §4.1.3: a strict client (openid-client, oauth4webapi) checks
# that the URI it was sent back to is the one it registered, then sends
# that string as redirect_uri.
exchange_as_received() {	# exchange_as_received CLIENT REGISTERED LOCATION CODE
	local received=${3%%\?code=*}
	[ "$received" = "$2" ] || { echo "# came back to '$received'"; return 1; }
	exchange "$1" "$received" "$4" >/dev/null && [ "$(json .token_type)" = Bearer ]
}
check "redirect-as-registered-exchange: back at com.example.app:/oauth2redirect, the code buys a token" \
    exchange_as_received "$APP_ID" com.example.app:/oauth2redirect "$APP_LOC" "$APP_CODE"
check "redirect-as-registered-exchange: back at myapp://callback, the code buys a token" \
    exchange_as_received "$MY_ID" myapp://callback "$MY_LOC" "$MY_CODE"

# RFC 6749 §4.1.2.1: an error redirect is the registered string too.
status=$(browse "/oauth/authorize?response_type=token&client_id=$APP_ID&redirect_uri=$(uri com.example.app:/oauth2redirect)&state=s2")
loc=$(location)
ok $([ "$status" = 302 ] && [[ "$loc" == "com.example.app:/oauth2redirect?error=unsupported_response_type&"* ]] &&
    [ "$(qparam state "$loc")" = s2 ]; echo $?) \
    "redirect-error-as-registered: an error goes to com.example.app:/oauth2redirect?error=…"
browse "/oauth/authorize?response_type=code&client_id=$MY_ID&redirect_uri=$(uri myapp://callback)&code_challenge=$CHALLENGE&code_challenge_method=S256" >/dev/null
submit --data-urlencode action=deny --data-urlencode "request=$(field request)" \
    --data-urlencode "csrf_token=$(field csrf_token)" >/dev/null
loc=$(location)
ok $([[ "$loc" == "myapp://callback?error=access_denied&"* ]]; echo $?) \
    "redirect-error-as-registered: access_denied goes to myapp://callback?error=…"

# --- loopback redirects: any port (RFC 8252 §7.3, RFC 9700 §4.1.3) ----------
new_client --name "Loopback v4" --public --redirect http://127.0.0.1/cb; LO4_ID=$ID
new_client --name "Loopback v6" --public --redirect 'http://[::1]:8080/cb'; LO6_ID=$ID
new_client --name "Loopback query" --public --redirect 'http://127.0.0.1/cb?x=1'; LOQ_ID=$ID
new_client --name "Localhost" --public --redirect http://localhost/cb; LH_ID=$ID
# refused CLIENT ASKED: a page, no redirect (RFC 6749 §4.1.2.1)
refused() {
	local status
	status=$(browse "/oauth/authorize?response_type=code&client_id=$1&redirect_uri=$(uri "$2")&state=s1&code_challenge=$CHALLENGE&code_challenge_method=S256")
	[ "$status" = 400 ] && [ -z "$(location)" ] && grep -q 'not registered' "$WORK/body"
}
# RFC 8252 §7.3: registered without a port, asked with the one it listens on.
LO_LOC=$(authorize "$LO4_ID" http://127.0.0.1:49152/cb)
ok $([[ "$LO_LOC" == "http://127.0.0.1:49152/cb?code="* ]]; echo $?) \
    "redirect-loopback-any-port: http://127.0.0.1/cb registered, http://127.0.0.1:49152/cb asked and redirected to"
loc=$(authorize "$LO4_ID" http://127.0.0.1/cb)
ok $([[ "$loc" == "http://127.0.0.1/cb?code="* ]]; echo $?) \
    "redirect-loopback-any-port: the registered URI itself still works"
# RFC 8252 §7.3: the IPv6 literal, registered with a port, asked with another.
loc=$(authorize "$LO6_ID" 'http://[::1]:49153/cb')
ok $([[ "$loc" == "http://[::1]:49153/cb?code="* ]]; echo $?) \
    "redirect-loopback-any-port-ipv6: http://[::1]:8080/cb registered, http://[::1]:49153/cb asked"
loc=$(authorize "$LO6_ID" 'http://[::1]/cb')
ok $([[ "$loc" == "http://[::1]/cb?code="* ]]; echo $?) \
    "redirect-loopback-any-port-ipv6: or no port at all"
# RFC 8252 §7.3: only the port; path, host and scheme stay.
for u in http://127.0.0.1:49152/other http://127.0.0.1:49152/cb/ http://127.0.0.2:49152/cb \
    'http://[::1]:49152/cb' https://127.0.0.1:49152/cb; do
	check "redirect-loopback-bound: $u refused with a page, no redirect" refused "$LO4_ID" "$u"
done
# RFC 6749 §4.1.3: the code is bound to the URI asked, port and all.
LO_CODE=$(qparam code "$LO_LOC")
status=$(exchange "$LO4_ID" http://127.0.0.1/cb "$LO_CODE")
is "$status:$(json .error)" "400:invalid_grant" \
    "redirect-loopback-exchange: the registered URI without the asked port is not the one the code was given to"
LO_LOC=$(authorize "$LO4_ID" http://127.0.0.1:49152/cb)
status=$(exchange "$LO4_ID" http://127.0.0.1:49152/cb "$(qparam code "$LO_LOC")")
is "$status:$(json .token_type)" "200:Bearer" \
    "redirect-loopback-exchange: the code with redirect_uri=http://127.0.0.1:49152/cb buys a token"
# RFC 8252 §7.3: nothing but the port may differ.
loc=$(authorize "$LOQ_ID" 'http://127.0.0.1:5000/cb?x=1')
ok $([[ "$loc" == "http://127.0.0.1:5000/cb?x=1&code="* ]]; echo $?) \
    "redirect-loopback-only-port: the registered query, another port: accepted"
for u in 'http://127.0.0.1:5000/cb?x=2' 'http://127.0.0.1:5000/cb' 'http://127.0.0.1:5000/cb?x=1&y=2' \
    'http://127.0.0.1:80@evil.example/cb?x=1' 'http://127.0.0.1.evil.example:80/cb?x=1' \
    'http://127.0.0.1:0/cb?x=1' 'http://127.0.0.1:65536/cb?x=1'; do
	check "redirect-loopback-only-port: $u refused" refused "$LOQ_ID" "$u"
done
# RFC 8252 §8.3: localhost is not a loopback literal: compared exactly.
check "redirect-localhost-exact: http://localhost:49152/cb refused for http://localhost/cb" \
    refused "$LH_ID" http://localhost:49152/cb
loc=$(authorize "$LH_ID" http://localhost/cb)
ok $([[ "$loc" == "http://localhost/cb?code="* ]]; echo $?) "redirect-localhost-exact: the registered one works"

# RFC 6749 §3.1.2: registration refuses a fragment and a relative URI.
fails() {	# fails PATTERN COMMAND...: exits non-zero, stderr matches
	local pat=$1; shift
	! "$@" >/dev/null 2>"$WORK/stderr" && grep -qiE "$pat" "$WORK/stderr"
}
check "redirect-register-no-fragment: cpassport client refuses https://a/cb#x" \
    fails 'invalid redirect URI' "$CPASSPORT" client --name X --redirect 'https://a/cb#x'
check "redirect-register-no-fragment: nor an empty fragment" \
    fails 'invalid redirect URI' "$CPASSPORT" client --name X --redirect 'myapp://cb#'
for u in /cb https:cb https:///cb 'https://a/c b'; do
	check "redirect-register-absolute: refuses '$u'" \
	    fails 'invalid redirect URI' "$CPASSPORT" client --name X --redirect "$u"
done
is "$(psql_q "SELECT count(*) FROM oauth_clients WHERE name = 'X'")" 0 \
    "redirect-register-no-fragment: no client row made"

done_testing
