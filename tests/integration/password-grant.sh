#!/bin/bash
# The password grant through lighttpd + token.fcgi + a private PostgreSQL,
# with curl: RFC 6749 §4.3 success and every §5.2 error, checked by status,
# error code and headers.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }

"$CPASSPORT" scope add read "Read your data" >/dev/null
"$CPASSPORT" scope add write "Change your data" >/dev/null
echo 'correct horse' | "$CPASSPORT" user add --email alice@example.com \
    --name Alice --scopes read,write >/dev/null
echo 'reader pass' | "$CPASSPORT" user add --email bob@example.com \
    --name Bob --scopes read >/dev/null
client_out=$("$CPASSPORT" client --name "Password client" --password)
CID=$(echo "$client_out" | sed -n 's/^Client ID: //p')
CSECRET=$(echo "$client_out" | sed -n 's/^Client secret: //p')
CC_ID=$("$CPASSPORT" client --name "Service" --client | sed -n 's/^Client ID: //p')
ALICE=$(psql_q "SELECT id FROM users WHERE email = 'alice@example.com'")

grant() {	# grant [extra curl args]: password grant with client_secret_post
	post --data-urlencode grant_type=password --data-urlencode "client_id=$CID" \
	    --data-urlencode "client_secret=$CSECRET" "$@"
}

# --- success -------------------------------------------------------------
status=$(grant --data-urlencode username=alice@example.com \
    --data-urlencode 'password=correct horse' --data-urlencode 'scope=read write')
ok $([ "$status" = 200 ]; echo $?) "token-password-ok: 200"
ok $([ "$(json .token_type)" = Bearer ]; echo $?) "token-password-ok: token_type Bearer"
ok $([ "$(json .expires_in)" = 900 ]; echo $?) "token-password-ok: expires_in is the configured lifetime"
ok $([ "$(json .scope)" = "read write" ]; echo $?) "token-password-ok: scope echoed"
ok $([ "$(header Cache-Control)" = no-store ]; echo $?) "token-password-ok: Cache-Control: no-store"
ok $([ "$(header Pragma)" = no-cache ]; echo $?) "token-password-ok: Pragma: no-cache"
ok $(header Content-Type | grep -q '^application/json'; echo $?) "token-password-ok: JSON content type"
AT=$(json .access_token)
RT=$(json .refresh_token)
ok $([ ${#RT} -eq 43 ]; echo $?) "token-password-ok: refresh token is 256 bits base64url"

IFS=. read -r jh jp js <<<"$AT"
hdr=$(b64url_json "$jh")
claims=$(b64url_json "$jp")
ok $([ "$(jq -r .alg <<<"$hdr")" = ES256 ] && [ "$(jq -r .typ <<<"$hdr")" = at+jwt ]; echo $?) \
    "jwt: header alg ES256, typ at+jwt (RFC 9068)"
kid=$(jq -r .kid <<<"$hdr")
openssl pkey -in "$WORK/signing.pem" -pubout -out "$WORK/pub.pem" 2>/dev/null
printf '%s' "$AT" >"$WORK/at.jwt"
node "$srcdir/tests/unit/jwt_verify.js" "$WORK/pub.pem" "$WORK/at.jwt" "$kid" >/dev/null 2>&1
ok $? "jwt: signature verifies with node crypto; kid is the RFC 7638 thumbprint"
iat=$(jq -r .iat <<<"$claims"); exp=$(jq -r .exp <<<"$claims")
ok $([ $((exp - iat)) -eq 900 ]; echo $?) "jwt: exp - iat equals access_token_lifetime"
ok $([ "$(jq -r .sub <<<"$claims")" = "$ALICE" ] &&
    [ "$(jq -r .client_id <<<"$claims")" = "$CID" ] &&
    [ "$(jq -r .iss <<<"$claims")" = "$BASE" ] &&
    [ "$(jq -r .aud <<<"$claims")" = "$CID" ] &&
    [ "$(jq -r '.scopes | join(" ")' <<<"$claims")" = "read write" ]; echo $?) \
    "jwt: sub, client_id, iss, aud, scopes claims"
jti=$(jq -r .jti <<<"$claims")
row=$(psql_q "SELECT user_id, client_id, array_to_string(scopes, ' '), extract(epoch FROM expires_at)::bigint = $exp FROM oauth_access_tokens WHERE id = '$jti'")
ok $([ "$row" = "$ALICE|$CID|read write|t" ]; echo $?) "store: access token row by jti with user, client, scopes, expiry"
rhash=$(printf '%s' "$RT" | sha256sum | cut -d' ' -f1)
ok $([ "$(psql_q "SELECT access_token_id FROM oauth_refresh_tokens WHERE id = decode('$rhash', 'hex')")" = "$jti" ]; echo $?) \
    "store: refresh token kept as its SHA-256, linked to the access token"
dump=$(psql_q "SELECT string_agg(t::text, '') FROM oauth_refresh_tokens t")
ok $([[ "$dump" != *"$RT"* ]]; echo $?) "store: the refresh token itself is nowhere in the table"

# --- client_secret_basic --------------------------------------------------
status=$(post -u "$CID:$CSECRET" --data-urlencode grant_type=password \
    --data-urlencode username=ALICE@example.com --data-urlencode 'password=correct horse')
ok $([ "$status" = 200 ]; echo $?) "token-password-basic-auth: client_secret_basic accepted, e-mail case-insensitive"
ok $([ "$(json .scope)" = null ]; echo $?) "token-password-default-scope: no scope asked, none granted, no empty scope member"

# --- scopes ---------------------------------------------------------------
status=$(grant --data-urlencode username=bob@example.com \
    --data-urlencode 'password=reader pass' --data-urlencode 'scope=read write')
bob_claims=$(b64url_json "$(json .access_token | cut -d. -f2)")
ok $([ "$status" = 200 ] && [ "$(json .scope)" = read ] &&
    [ "$(jq -r .scope <<<"$bob_claims")" = read ]; echo $?) \
    "token-password-scope-narrowed: a scope the user does not hold is not in the token"
status=$(grant --data-urlencode username=alice@example.com \
    --data-urlencode 'password=correct horse' --data-urlencode 'scope=read admin')
ok $([ "$status" = 400 ] && [ "$(json .error)" = invalid_scope ]; echo $?) "token-password-unknown-scope: invalid_scope"
status=$(grant --data-urlencode username=alice@example.com \
    --data-urlencode 'password=correct horse' --data-urlencode 'scope=re"ad')
ok $([ "$status" = 400 ] && [ "$(json .error)" = invalid_scope ]; echo $?) "token-password-malformed-scope: invalid_scope"

# --- invalid_grant --------------------------------------------------------
status=$(grant --data-urlencode username=alice@example.com --data-urlencode password=wrong)
wrong_pw=$(cat "$WORK/body")
ok $([ "$status" = 400 ] && [ "$(json .error)" = invalid_grant ]; echo $?) "token-password-wrong-password: invalid_grant"
ok $([ "$(header Cache-Control)" = no-store ]; echo $?) "token-password-wrong-password: errors are no-store too"
status=$(grant --data-urlencode username=nobody@example.com --data-urlencode password=wrong)
ok $([ "$status" = 400 ] && [ "$(cat "$WORK/body")" = "$wrong_pw" ]; echo $?) \
    "token-password-unknown-user: the same answer as a wrong password"

# --- invalid_request ------------------------------------------------------
status=$(post --data-urlencode "client_id=$CID" --data-urlencode "client_secret=$CSECRET" \
    --data-urlencode username=alice@example.com --data-urlencode 'password=correct horse')
ok $([ "$status" = 400 ] && [ "$(json .error)" = invalid_request ]; echo $?) "token-missing-grant-type: invalid_request"
status=$(grant --data-urlencode username=alice@example.com)
ok $([ "$status" = 400 ] && [ "$(json .error)" = invalid_request ]; echo $?) "token-password-missing-password: invalid_request"
status=$(grant --data-urlencode username=alice@example.com --data-urlencode username=bob@example.com \
    --data-urlencode 'password=correct horse')
ok $([ "$status" = 400 ] && [ "$(json .error)" = invalid_request ]; echo $?) "token-duplicate-parameter: invalid_request"
status=$(post -H 'Content-Type: application/json' \
    --data "{\"grant_type\":\"password\",\"client_id\":\"$CID\"}")
ok $([ "$status" = 400 ] && [ "$(json .error)" = invalid_request ]; echo $?) "token-wrong-content-type: invalid_request"
head -c 9000 /dev/zero | tr '\0' a >"$WORK/big"
status=$(grant --data-urlencode "username@$WORK/big" --data-urlencode password=x)
ok $([ "$status" = 413 ] && [ "$(json .error)" = invalid_request ]; echo $?) "token-body-too-large: 413 invalid_request"
status=$(grant --data 'username=%zz' --data password=x)
ok $([ "$status" = 400 ] && [ "$(json .error)" = invalid_request ]; echo $?) "token-bad-percent-encoding: invalid_request"
status=$(post -u "$CID:$CSECRET" --data-urlencode "client_secret=$CSECRET" \
    --data-urlencode grant_type=password --data-urlencode username=alice@example.com \
    --data-urlencode 'password=correct horse')
ok $([ "$status" = 400 ] && [ "$(json .error)" = invalid_request ]; echo $?) \
    "token-two-client-auth-methods: Basic and client_secret together is invalid_request"

# --- invalid_client -------------------------------------------------------
status=$(post --data-urlencode grant_type=password --data-urlencode "client_id=$CID" \
    --data-urlencode client_secret=nope --data-urlencode username=alice@example.com \
    --data-urlencode 'password=correct horse')
ok $([ "$status" = 401 ] && [ "$(json .error)" = invalid_client ] &&
    [ -z "$(header WWW-Authenticate)" ]; echo $?) "token-wrong-secret-post: 401 invalid_client, no WWW-Authenticate"
status=$(post -u "$CID:nope" --data-urlencode grant_type=password \
    --data-urlencode username=alice@example.com --data-urlencode 'password=correct horse')
ok $([ "$status" = 401 ] && [ "$(json .error)" = invalid_client ] &&
    header WWW-Authenticate | grep -q '^Basic'; echo $?) "token-wrong-secret-basic: 401 with WWW-Authenticate: Basic"
status=$(post -H 'Authorization: Basic !!!notbase64' --data-urlencode grant_type=password \
    --data-urlencode username=alice@example.com --data-urlencode 'password=x')
ok $([ "$status" = 401 ] && [ "$(json .error)" = invalid_client ] &&
    header WWW-Authenticate | grep -q '^Basic'; echo $?) "token-malformed-basic: 401 with WWW-Authenticate: Basic"
status=$(post --data-urlencode grant_type=password \
    --data-urlencode client_id=7b5e2c1e-0000-4000-8000-000000000000 --data-urlencode client_secret=x \
    --data-urlencode username=alice@example.com --data-urlencode 'password=correct horse')
ok $([ "$status" = 401 ] && [ "$(json .error)" = invalid_client ]; echo $?) "token-unknown-client: invalid_client"
status=$(post --data-urlencode grant_type=password --data-urlencode username=alice@example.com \
    --data-urlencode 'password=correct horse')
ok $([ "$status" = 401 ] && [ "$(json .error)" = invalid_client ]; echo $?) "token-no-client-auth: invalid_client"

# --- unauthorized_client, unsupported_grant_type, 405 ---------------------
CC_SECRET=
cc_out=$("$CPASSPORT" client --name "Other" --client)
CC_ID=$(echo "$cc_out" | sed -n 's/^Client ID: //p'); CC_SECRET=$(echo "$cc_out" | sed -n 's/^Client secret: //p')
status=$(post -u "$CC_ID:$CC_SECRET" --data-urlencode grant_type=password \
    --data-urlencode username=alice@example.com --data-urlencode 'password=correct horse')
ok $([ "$status" = 400 ] && [ "$(json .error)" = unauthorized_client ]; echo $?) \
    "token-password-unauthorized-client: a client without the password grant"
status=$(post -u "$CID:$CSECRET" --data-urlencode grant_type=urn:example:magic)
ok $([ "$status" = 400 ] && [ "$(json .error)" = unsupported_grant_type ]; echo $?) "token-unsupported-grant-type"
status=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$BASE/oauth/token")
ok $([ "$status" = 405 ] && [ "$(header Allow)" = POST ] && [ "$(json .error)" = invalid_request ]; echo $?) \
    "token-get-method: 405 with Allow: POST"
status=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X POST "$BASE/oauth/token/x" \
    -u "$CID:$CSECRET" --data-urlencode grant_type=password)
ok $([ "$status" = 404 ] && [ "$(json .error)" = not_found ] && [ "$(header Cache-Control)" = no-store ]; echo $?) \
    "token-unknown-path: POST /oauth/token/x reaches token.fcgi and is 404 JSON, no grant run"

# --- revoked client -------------------------------------------------------
rev_out=$("$CPASSPORT" client --name "Soon revoked" --password)
RID=$(echo "$rev_out" | sed -n 's/^Client ID: //p'); RSECRET=$(echo "$rev_out" | sed -n 's/^Client secret: //p')
"$CPASSPORT" client revoke "$RID" >/dev/null
status=$(post -u "$RID:$RSECRET" --data-urlencode grant_type=password \
    --data-urlencode username=alice@example.com --data-urlencode 'password=correct horse')
ok $([ "$status" = 401 ] && [ "$(json .error)" = invalid_client ]; echo $?) "token-revoked-client: invalid_client"

# --- a Laravel users row: bcrypt $2y$ from PHP's password_hash -----------
psql_q "INSERT INTO users (name, email, password, scopes) VALUES ('Laravel', 'laravel@example.com', '\$2y\$10\$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi', '{*}')" >/dev/null
status=$(grant --data-urlencode username=laravel@example.com --data-urlencode password=password)
ok $([ "$status" = 200 ]; echo $?) "token-password-laravel-hash: a \$2y\$ hash written by Laravel verifies"

# --- TLS required (RFC 6749 §3.2): token.fcgi as plain CGI ----------------
cgi() {	# cgi ENV...: one request to token.fcgi in CGI mode, body on stdin
	local body="grant_type=password&client_id=$CID&client_secret=$CSECRET&username=alice%40example.com&password=correct+horse"
	printf '%s' "$body" | env -i ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} CPASSPORT_CONFIG="$CONF" REQUEST_METHOD=POST \
	    REQUEST_URI=/oauth/token CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=${#body} \
	    "$@" "$builddir/cgi-bin/token.fcgi" 2>>"$WORK/cgi.log"
}
out=$(cgi REMOTE_ADDR=192.0.2.7)
ok $([[ "$out" == "Status: 400"* ]] && [[ "$out" == *'"error":"invalid_request"'* ]]; echo $?) \
    "token-tls-required: plain http from a remote address is refused"
out=$(cgi REMOTE_ADDR=192.0.2.7 HTTP_X_FORWARDED_PROTO=https)
ok $([[ "$out" == "Status: 400"* ]]; echo $?) "token-tls-required: a client-sent X-Forwarded-Proto is not trusted"
out=$(cgi REMOTE_ADDR=192.0.2.7 HTTPS=on)
ok $([[ "$out" == "Status: 200"* ]] && [[ "$out" == *'"access_token"'* ]]; echo $?) \
    "token-tls-ok: HTTPS=on from the web server is accepted (plain CGI mode)"
out=$(cgi REMOTE_ADDR=::1)
ok $([[ "$out" == "Status: 200"* ]]; echo $?) "token-loopback-ok: plain http from ::1 is accepted"
echo "allow_plain_http = true" >>"$CONF"
out=$(cgi REMOTE_ADDR=192.0.2.7)
ok $([[ "$out" == "Status: 200"* ]]; echo $?) "token-allow-plain-http: the config can allow plain http"
sed -i '/^allow_plain_http/d' "$CONF"

# RFC 6749 §3.1, §3.3: "scope=" is as if no scope was sent: default_scope.
echo "default_scope = read" >>"$CONF"
lighttpd_stop; lighttpd_start
status=$(grant --data-urlencode username=alice@example.com \
    --data-urlencode 'password=correct horse' --data-urlencode scope=)
is "$status:$(json .scope):$(jq -r .scope <<<"$(claims "$(json .access_token)")")" "200:read:read" \
    "password-empty-scope-is-default: scope= gets default_scope, in the response and the token"
sed -i '/^default_scope/d' "$CONF"

# --- PostgreSQL outage: 503, then recovery --------------------------------
pg_stop immediate
status=$(grant --data-urlencode username=alice@example.com --data-urlencode 'password=correct horse')
ok $([ "$status" = 503 ] && [ "$(json .error)" = temporarily_unavailable ] &&
    [ "$(header Cache-Control)" = no-store ]; echo $?) "token-db-down: 503 temporarily_unavailable"
pg_start
ok=1
for _ in 1 2 3 4; do	# each of the 4 FastCGI processes reconnects on its own
	status=$(grant --data-urlencode username=alice@example.com --data-urlencode 'password=correct horse')
	[ "$status" = 200 ] || { ok=0; break; }
done
ok $([ $ok = 1 ]; echo $?) "token-db-recovers: 200 again once PostgreSQL is back"

done_testing
