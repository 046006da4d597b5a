#!/bin/bash
# The authorization code flow with curl, following the forms: login,
# consent, approve/deny, code exchange, and the security checks of
# RFC 6749 §4.1, §10.12, RFC 7636 and RFC 9700.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true
default_scope = read" || { echo "Bail out! stack did not start"; exit 1; }
for s in read write; do "$CPASSPORT" scope add $s "Read or write $s things" >/dev/null; done
echo 'pw one' | "$CPASSPORT" user add --email alice@example.com --name Alice --scopes read,write >/dev/null
echo 'pw two' | "$CPASSPORT" user add --email bob@example.com --name Bob --scopes read >/dev/null
CB=https://app.example/cb
new_client --name "Web app" --redirect "$CB" --redirect "https://app.example/other?x=1"; CID=$ID CSECRET=$SECRET
new_client --name "Single" --redirect "$CB"; SINGLE_ID=$ID SINGLE_SECRET=$SECRET
new_client --name "Mobile" --public --redirect com.example.app:/cb; PUB_ID=$ID
new_client --name "First party" --first-party --redirect "$CB"; FP_ID=$ID FP_SECRET=$SECRET
. "$(dirname "$0")/authcode-lib.sh"
exchange() {	# exchange CODE [curl args]: at the token endpoint as the web app
	local code=$1; shift
	post -u "$CID:$CSECRET" -d grant_type=authorization_code --data-urlencode "code=$code" \
	    --data-urlencode "redirect_uri=$CB" "$@"
}

Q="response_type=code&client_id=$CID&redirect_uri=$(jq -rn --arg u "$CB" '$u|@uri')&scope=read%20write&state=s-123"

# --- the seed's walk: /oauth/request, login, consent, approve ----------------
status=$(browse "/oauth/request?client=$SINGLE_ID")
is "$status" 302 "authz-request-route: /oauth/request?client=ID redirects into the flow"
ok $([[ "$(location)" == "$BASE/oauth/authorize?"*"client_id=$SINGLE_ID"* ]] &&
    [ "$(qparam redirect_uri "$(location)")" = "$CB" ]; echo $?) "authz-request-route: with the registered redirect URI"
rm -f "$JAR"
status=$(browse "/oauth/authorize?$Q")
ok $([ "$status" = 200 ] && grep -q 'name="password"' "$WORK/body" && grep -q '<label for="email">' "$WORK/body"; echo $?) \
    "authz-login-form: no session gives a labelled login form"
ok $([ "$(header X-Frame-Options)" = DENY ] && header Content-Security-Policy | grep -q "frame-ancestors 'none'"; echo $?) \
    "authz-login-framing: X-Frame-Options DENY and CSP frame-ancestors 'none'"
# Login CSRF: the form's login_token must equal its cookie, which a
# cross-site POST does not carry (SameSite=Lax).
REQ=$(field request) TOKEN=$(field login_token)
ok $([ ${#TOKEN} = 43 ] && header Set-Cookie | grep -q "^cpassport_login=$TOKEN; .*HttpOnly; SameSite=Lax"; echo $?) \
    "login-csrf-cookie: the form's login_token is also an HttpOnly SameSite=Lax cookie"
status=$(curl -s -o "$WORK/body" -w '%{http_code}' -X POST "$BASE/oauth/authorize" \
    --data-urlencode action=login --data-urlencode "request=$REQ" --data-urlencode "login_token=$TOKEN" \
    --data-urlencode email=alice@example.com --data-urlencode 'password=pw one')
ok $([ "$status" = 403 ] && grep -q 'did not come from this site' "$WORK/body" &&
    [ "$(psql_q "SELECT count(*) FROM oauth_sessions")" = 0 ]; echo $?) \
    "login-csrf-no-cookie: right password, token without its cookie (a forged form): 403, no session"
status=$(submit --data-urlencode action=login --data-urlencode "request=$REQ" \
    --data-urlencode "login_token=${TOKEN%?}$([ "${TOKEN: -1}" = A ] && echo B || echo A)" \
    --data-urlencode email=alice@example.com --data-urlencode 'password=pw one')
ok $([ "$status" = 403 ] && [ "$(psql_q "SELECT count(*) FROM oauth_sessions")" = 0 ] &&
    [ "$(field login_token)" = "$TOKEN" ]; echo $?) \
    "login-csrf-wrong-token: cookie with another token: 403, no session, the form again with the cookie's token"
status=$(submit --data-urlencode action=login --data-urlencode "request=$REQ" \
    --data-urlencode email=alice@example.com --data-urlencode 'password=pw one')
is "$status" 403 "login-csrf-missing-token: no login_token: 403"
status=$(submit --data-urlencode action=login --data-urlencode "request=$REQ" --data-urlencode "login_token=$TOKEN" \
    --data-urlencode email=alice@example.com --data-urlencode 'password=pw one')
cookie=$(header Set-Cookie)
ok $([ "$status" = 303 ] && [[ "$cookie" == *HttpOnly* ]] && [[ "$cookie" == *SameSite=Lax* ]]; echo $?) \
    "authz-login: 303 back with an HttpOnly SameSite=Lax session cookie"
ok $([ "$(psql_q "SELECT count(*) FROM oauth_sessions")" = 1 ] &&
    ! psql_q "SELECT encode(id, 'escape') FROM oauth_sessions" | grep -q "$(sed -n 's/.*cpassport_session\t//p' "$JAR")"; echo $?) \
    "authz-session-stored-hashed: one session row, keyed by a hash"
status=$(browse "$(location)")
ok $([ "$status" = 200 ] && grep -q 'Web app' "$WORK/body" && grep -q 'Read or write read things' "$WORK/body" &&
    grep -q 'name="csrf_token"' "$WORK/body"; echo $?) "authz-consent: client name, scope descriptions, CSRF token"
ok $([ "$(header X-Frame-Options)" = DENY ] && header Content-Security-Policy | grep -q "frame-ancestors 'none'"; echo $?) \
    "authz-consent-framing: framing refused"
cp "$WORK/body" "$WORK/consent.html"
status=$(consent_approve)
loc=$(location)
ok $([ "$status" = 302 ] && [[ "$loc" == "$CB?"* ]] && [ "$(qparam state "$loc")" = s-123 ] &&
    [ "$(qparam iss "$loc")" = "$BASE" ]; echo $?) "authz-approve: 302 to the redirect URI with code, state and iss"
CODE=$(qparam code "$loc")
status=$(exchange "$CODE")
AT=$(json .access_token)
ok $([ "$status" = 200 ] && [ "$(json .scope)" = "read write" ] && [ "$(json .refresh_token)" != null ]; echo $?) \
    "token-authcode-ok: the code buys access and refresh tokens"
is "$(get /api/user -H "Authorization: Bearer $AT"; json .email)" "200alice@example.com" "token-authcode-api-user: /api/user with that token"
status=$(exchange "$CODE")
is "$status:$(json .error)" "400:invalid_grant" "token-authcode-replay: a code used twice is invalid_grant"
is "$(get /api/user -H "Authorization: Bearer $AT")" 401 "token-authcode-replay-revokes: the tokens it gave are revoked"

# --- deny, CSRF ----------------------------------------------------------------
browse "/oauth/authorize?$Q" >/dev/null
status=$(submit --data-urlencode action=deny --data-urlencode "request=$(field request)" \
    --data-urlencode "csrf_token=$(field csrf_token)")
loc=$(location)
ok $([ "$status" = 302 ] && [ "$(qparam error "$loc")" = access_denied ] && [ "$(qparam state "$loc")" = s-123 ] &&
    [ "$(qparam iss "$loc")" = "$BASE" ]; echo $?) \
    "authz-deny: 302 with error=access_denied, the state and iss (RFC 9207)"
browse "/oauth/authorize?$Q" >/dev/null
req=$(field request)
status=$(submit --data-urlencode action=approve --data-urlencode "request=$req")
is "$status" 403 "authz-csrf-missing: approve without the CSRF token is 403"
status=$(submit --data-urlencode action=approve --data-urlencode "request=$req" --data-urlencode "csrf_token=$(printf '%064d' 0)")
is "$status" 403 "authz-csrf-wrong: a wrong CSRF token is 403"
status=$(curl -s -o "$WORK/body" -w '%{http_code}' -X POST --data-urlencode action=approve \
    --data-urlencode "request=$req" --data-urlencode "csrf_token=$(printf '%064d' 0)" "$BASE/oauth/authorize")
ok $([ "$status" = 200 ] && grep -q 'name="password"' "$WORK/body"; echo $?) "authz-approve-without-session: asks to sign in"

# --- redirect URI rules (never an open redirect) --------------------------------
status=$(browse "/oauth/authorize?response_type=code&client_id=$CID&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&state=x")
ok $([ "$status" = 400 ] && [ -z "$(location)" ]; echo $?) "authz-open-redirect: an unregistered redirect_uri gets a page, no redirect"
status=$(browse "/oauth/authorize?response_type=code&client_id=$CID&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%2F&state=x")
ok $([ "$status" = 400 ] && [ -z "$(location)" ]; echo $?) "authz-redirect-exact: a trailing slash is another URI"
status=$(browse "/oauth/authorize?response_type=code&client_id=7b5e2c1e-0000-4000-8000-000000000000&redirect_uri=https%3A%2F%2Fevil.example&state=x")
ok $([ "$status" = 400 ] && [ -z "$(location)" ]; echo $?) "authz-unknown-client: a page, no redirect"
status=$(browse "/oauth/authorize?response_type=code&client_id=$CID&state=x")
ok $([ "$status" = 400 ] && [ -z "$(location)" ]; echo $?) "authz-redirect-required: two registered URIs and none given is a page"
status=$(browse "/oauth/authorize?response_type=code&client_id=$SINGLE_ID&state=st")
is "$status" 200 "authz-redirect-optional: the only registered URI may be left out"
status=$(browse "/oauth/authorize?response_type=token&client_id=$CID&redirect_uri=https%3A%2F%2Fapp.example%2Fother%3Fx%3D1&state=st")
loc=$(location)
ok $([ "$status" = 302 ] && [[ "$loc" == "https://app.example/other?x=1&"* ]] &&
    [ "$(qparam error "$loc")" = unsupported_response_type ] && [ "$(qparam state "$loc")" = st ]; echo $?) \
    "authz-error-redirect: unsupported_response_type with state, appended to an existing query"
status=$(browse "/oauth/authorize?response_type=code&client_id=$CID&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&scope=nosuch&state=st")
is "$(qparam error "$(location)")" invalid_scope "authz-invalid-scope: redirected as invalid_scope"

# --- PKCE -------------------------------------------------------------------------
VERIFIER=$(head -c 48 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d = | head -c 64)
CHALLENGE=$(printf '%s' "$VERIFIER" | openssl dgst -sha256 -binary | base64 -w0 | tr '+/' '-_' | tr -d =)
PQ="response_type=code&client_id=$PUB_ID&redirect_uri=com.example.app%3A%2Fcb&state=p1"
status=$(browse "/oauth/authorize?$PQ")
is "$(qparam error "$(location)")" invalid_request "pkce-required-public: a public client without code_challenge is refused"
status=$(browse "/oauth/authorize?$PQ&code_challenge=$CHALLENGE&code_challenge_method=plain")
is "$(qparam error "$(location)")" invalid_request "pkce-plain-off: plain is refused by default (RFC 9700)"
status=$(browse "/oauth/authorize?$PQ&code_challenge=$CHALLENGE&code_challenge_method=S256")
status=$(consent_approve)
PCODE=$(qparam code "$(location)")
ok $([ "$status" = 302 ] && [ -n "$PCODE" ]; echo $?) "pkce-code: a code for the public client with S256"
pexchange() { post -d grant_type=authorization_code -d "client_id=$PUB_ID" --data-urlencode "code=$PCODE" \
    --data-urlencode redirect_uri=com.example.app:/cb "$@"; }
status=$(pexchange)
is "$status:$(json .error)" "400:invalid_grant" "pkce-missing-verifier: invalid_grant"
browse "/oauth/authorize?$PQ&code_challenge=$CHALLENGE&code_challenge_method=S256" >/dev/null
consent_approve >/dev/null; PCODE=$(qparam code "$(location)")
# The verifier with its last character changed (to x, or y if it was x).
WRONG=${VERIFIER%?}x; [ "$WRONG" != "$VERIFIER" ] || WRONG=${VERIFIER%?}y
status=$(pexchange --data-urlencode "code_verifier=$WRONG")
is "$status:$(json .error)" "400:invalid_grant" "pkce-wrong-verifier: invalid_grant"
browse "/oauth/authorize?$PQ&code_challenge=$CHALLENGE&code_challenge_method=S256" >/dev/null
consent_approve >/dev/null; PCODE=$(qparam code "$(location)")
status=$(pexchange --data-urlencode "code_verifier=$VERIFIER")
is "$status" 200 "pkce-ok: the right verifier, client_id only (public client)"
# Downgrade: a code issued without a challenge, redeemed with a verifier.
browse "/oauth/authorize?$Q" >/dev/null; consent_approve >/dev/null; CODE=$(qparam code "$(location)")
status=$(exchange "$CODE" --data-urlencode "code_verifier=$VERIFIER")
is "$status:$(json .error)" "400:invalid_grant" "pkce-downgrade: a verifier for a code without challenge is refused"

# --- the token endpoint's other checks ----------------------------------------------
browse "/oauth/authorize?$Q" >/dev/null; consent_approve >/dev/null; CODE=$(qparam code "$(location)")
status=$(post -u "$CID:$CSECRET" -d grant_type=authorization_code --data-urlencode "code=$CODE" \
    --data-urlencode "redirect_uri=https://app.example/other?x=1")
is "$status:$(json .error)" "400:invalid_grant" "token-authcode-redirect-mismatch: invalid_grant"
browse "/oauth/authorize?$Q" >/dev/null; consent_approve >/dev/null; CODE=$(qparam code "$(location)")
status=$(post -u "$SINGLE_ID:$SINGLE_SECRET" -d grant_type=authorization_code --data-urlencode "code=$CODE" \
    --data-urlencode "redirect_uri=$CB")
is "$status:$(json .error)" "400:invalid_grant" "token-authcode-other-client: invalid_grant"
browse "/oauth/authorize?$Q" >/dev/null; consent_approve >/dev/null; CODE=$(qparam code "$(location)")
psql_q "UPDATE oauth_auth_codes SET expires_at = now() - interval '1 s' WHERE id = decode('$(printf %s "$CODE" | sha256sum | cut -d' ' -f1)', 'hex')" >/dev/null
status=$(exchange "$CODE")
is "$status:$(json .error)" "400:invalid_grant" "token-authcode-expired: invalid_grant"
status=$(exchange "nonexistent-code")
is "$status:$(json .error)" "400:invalid_grant" "token-authcode-unknown: invalid_grant"
is "$(psql_q "SELECT count(*) FROM oauth_auth_codes WHERE id = decode('$(printf %s "$CODE" | sha256sum | cut -d' ' -f1)', 'hex')")" 1 \
    "token-authcode-stored-hashed: the code's row is keyed by its SHA-256"

# --- parameters sent without a value are omitted (RFC 6749 §3.1) --------------------
EQ="response_type=code&client_id=$CID&redirect_uri=$(jq -rn --arg u "$CB" '$u|@uri')"
# RFC 6749 §3.1, §3.3: "scope=" is as if no scope was sent: default_scope.
status=$(browse "/oauth/authorize?$EQ&scope=&state=e1")
ok $([ "$status" = 200 ] && grep -q 'Read or write read things' "$WORK/body" &&
    ! grep -q 'Read or write write things' "$WORK/body"; echo $?) \
    "authz-empty-scope-is-default: scope= asks default_scope on the consent page"
# RFC 6749 §3.1, §4.1.2: "state=" is no state, so none comes back.
status=$(browse "/oauth/authorize?$EQ&scope=read&state=")
status=$(consent_approve)
loc=$(location)
ok $([ "$status" = 302 ] && [ -n "$(qparam code "$loc")" ] && [[ "$loc" != *state=* ]]; echo $?) \
    "authz-empty-state-omitted: state= is not echoed with the code"
status=$(browse "/oauth/authorize?response_type=token&client_id=$CID&redirect_uri=$(jq -rn --arg u "$CB" '$u|@uri')&state=")
loc=$(location)
ok $([ "$status" = 302 ] && [ "$(qparam error "$loc")" = unsupported_response_type ] &&
    [[ "$loc" != *state=* ]]; echo $?) "authz-empty-state-omitted: nor with an error"
# RFC 6749 §3.1, §3.3, §5.1: the code flow with scope= ends with default_scope.
browse "/oauth/authorize?$EQ&scope=&state=e2" >/dev/null
consent_approve >/dev/null; CODE=$(qparam code "$(location)")
status=$(exchange "$CODE")
is "$status:$(json .scope):$(jq -r .scope <<<"$(claims "$(json .access_token)")")" "200:read:read" \
    "authz-empty-scope-token: the token carries default_scope, and the response a scope member"

# --- first-party clients skip consent; logout ------------------------------------------
status=$(browse "/oauth/authorize?response_type=code&client_id=$FP_ID&state=fp")
ok $([ "$status" = 302 ] && [ -n "$(qparam code "$(location)")" ]; echo $?) "authz-first-party: no consent screen, straight to the code"
# RFC 9110 §9.2.1 (GET is safe): a GET of /oauth/logout (another site's <img>) ends nothing.
sessions() { psql_q "SELECT count(*) FROM oauth_sessions"; }
n0=$(sessions)
status=$(browse /oauth/logout)
LOGOUT_CSRF=$(field csrf_token)
ok $([ "$status" = 200 ] && grep -q '<form method="post" action="/oauth/logout">' "$WORK/body" &&
    [[ "$LOGOUT_CSRF" =~ ^[0-9a-f]{64}$ ]] && grep -q 'id="logout"' "$WORK/body" &&
    grep -q 'alice@example.com' "$WORK/body" && ! header Set-Cookie | grep -q .; echo $?) \
    "logout-get-asks: GET /oauth/logout shows a confirmation form (POST, the session's CSRF token), no cookie touched"
status=$(browse "/oauth/authorize?$Q")
ok $([ "$status" = 200 ] && grep -q 'id="approve"' "$WORK/body" && [ "$(sessions)" = "$n0" ]; echo $?) \
    "logout-get-session-alive: after the GET the session is alive (consent page, its row kept)"
# RFC 9110 §9.2.1, RFC 9700 §4.7 (CSRF): the POST must carry the session's token (a forged form has none).
status=$(browse /oauth/logout -X POST -d x=1)
ok $([ "$status" = 403 ] && [ "$(sessions)" = "$n0" ] && ! header Set-Cookie | grep -q . &&
    [ "$(browse "/oauth/authorize?$Q")" = 200 ] && grep -q 'id="approve"' "$WORK/body"; echo $?) \
    "logout-post-no-token: POST without the CSRF token: 403, the session alive"
status=$(browse /oauth/logout -X POST -d "csrf_token=$(printf '%064d' 0)")
ok $([ "$status" = 403 ] && [ "$(sessions)" = "$n0" ] && ! header Set-Cookie | grep -q . &&
    [ "$(browse "/oauth/authorize?$Q")" = 200 ] && grep -q 'id="approve"' "$WORK/body"; echo $?) \
    "logout-post-wrong-token: POST with another token: 403, the session alive"
status=$(browse /oauth/logout -X POST -d "csrf_token=$LOGOUT_CSRF")
ok $([ "$status" = 200 ] && grep -q '<h1>Signed out</h1>' "$WORK/body" &&
    header Set-Cookie | grep -q '^cpassport_session=; .*Max-Age=0' && [ "$(sessions)" = $((n0 - 1)) ] &&
    [ "$(browse "/oauth/authorize?$Q")" = 200 ] && grep -q 'name="password"' "$WORK/body"; echo $?) \
    "logout-post-token: POST with the session's token ends it: Signed out, cookie cleared, row deleted"
rm -f "$JAR"
status=$(browse /oauth/logout)
status2=$(browse /oauth/logout -X POST -d "csrf_token=$LOGOUT_CSRF")
ok $([ "$status" = 200 ] && [ "$status2" = 200 ] && grep -q '<h1>Not signed in</h1>' "$WORK/body" &&
    ! grep -q '<form' "$WORK/body"; echo $?) \
    "logout-no-session: without a session, GET and POST say you are not signed in (200)"
# RFC 9110 §15.5.6: 405 names the methods allowed.
status=$(browse /oauth/logout -X DELETE)
ok $([ "$status" = 405 ] && [ "$(header Allow)" = "GET, POST" ] &&
    [ "$(browse /oauth/logout -X PUT -d x=1)" = 405 ]; echo $?) \
    "logout-method: DELETE or PUT /oauth/logout: 405, Allow: GET, POST"
status=$(browse /oauth/request -X POST -d client=x)
ok $([ "$status" = 405 ] && [ "$(header Allow)" = GET ] && grep -q 'Method not allowed' "$WORK/body" &&
    [[ "$(header Content-Type)" == text/html* ]]; echo $?) \
    "request-method: POST /oauth/request: 405 page, Allow: GET"
status=$(browse /oauth/authorize -X PUT)
ok $([ "$status" = 405 ] && [ "$(header Allow)" = "GET, POST" ]; echo $?) \
    "authorize-method: PUT /oauth/authorize: 405, Allow: GET, POST"
status=$(browse /oauth/authorize/x)
ok $([ "$status" = 404 ] && grep -q 'Not found' "$WORK/body" && [ -z "$(header Allow)" ] &&
    [[ "$(header Content-Type)" == text/html* ]]; echo $?) \
    "authorize-unknown-path: /oauth/authorize/x reaches authorize.fcgi: a 404 page"

# --- login throttling ----------------------------------------------------------------
for i in 1 2 3 4 5; do login_as bob@example.com wrong "$Q" >/dev/null; done
status=$(login_as bob@example.com 'pw two' "$Q")
ok $([ "$status" = 429 ] && [ -n "$(header Retry-After)" ]; echo $?) "authz-login-throttle: after 5 failures even the right password waits (429, Retry-After)"
for i in 1 2 3 4 5; do login_as nobody@example.com wrong "$Q" >/dev/null; done
status=$(login_as nobody@example.com wrong "$Q")
is "$status" 429 "authz-login-throttle-unknown-account: the same for an account that does not exist"
new_client --name "Password app" --password
status=$(post -u "$ID:$SECRET" -d grant_type=password -d username=bob@example.com -d 'password=pw two')
ok $([ "$status" = 429 ] && [ -n "$(header Retry-After)" ]; echo $?) "token-password-throttle: the password grant shares the throttle"
status=$(login_as alice@example.com 'pw one' "$Q")
is "$status" 303 "authz-login-throttle-per-account: another account still signs in"

# --- without allow_plain_http: the __Host- cookie ---------------------------------------
sed -i '/^allow_plain_http/d' "$CONF"
lighttpd_stop; lighttpd_start
status=$(login_as alice@example.com 'pw one' "$Q")
cookie=$(header Set-Cookie)
ok $([[ "$cookie" == __Host-cpassport_session=*"; Path=/;"*"Secure"* ]]; echo $?) \
    "authz-cookie-host-prefix: __Host- prefix, Path=/, Secure"

done_testing
