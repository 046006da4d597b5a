#!/bin/bash
# GET /api/user: the protected resource, with RFC 6750 errors.
. "$(dirname "$0")/lib.sh"

stack_start "user_endpoint_scope = profile" || { echo "Bail out! stack did not start"; exit 1; }
for s in profile other; do "$CPASSPORT" scope add $s "$s things" >/dev/null; done
echo pw | "$CPASSPORT" user add --email a@example.com --name 'Ann "A" Lee' --scopes profile,other >/dev/null
ANN=$(psql_q "SELECT id FROM users WHERE email = 'a@example.com'")
new_client --name App --password; CID=$ID CSECRET=$SECRET
token() {	# token SCOPE: an access token for Ann
	post -u "$CID:$CSECRET" -d grant_type=password -d username=a@example.com -d password=pw \
	    --data-urlencode "scope=$1" >/dev/null
	json .access_token
}
AT=$(token 'profile other')

status=$(get /api/user -H "Authorization: Bearer $AT")
ok $([ "$status" = 200 ] && [ "$(json .id)" = "$ANN" ] && [ "$(json .name)" = 'Ann "A" Lee' ] &&
    [ "$(json .email)" = a@example.com ] && [ "$(jq -r '.id | type' "$WORK/body")" = number ]; echo $?) \
    "api-user-ok: the token's user as {id, name, email}"
is "$(header Cache-Control)" no-store "api-user-no-store"
status=$(get /api/user -H "authorization: bearer $AT")
is "$status" 200 "api-user-scheme-case: the scheme is case-insensitive"
# RFC 6750 §5.3, RFC 6749 §1.6: Bearer tokens only over TLS, with the
# token endpoint's exceptions (loopback, allow_plain_http).  user.fcgi as
# plain CGI, so that the remote address can be any.
user_cgi() {	# user_cgi ENV...: GET /api/user with $AT, as the web server would pass it
	env -i ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} CPASSPORT_CONFIG="$CONF" REQUEST_METHOD=GET \
	    REQUEST_URI=/api/user HTTP_AUTHORIZATION="Bearer $AT" "$@" "$builddir/cgi-bin/user.fcgi" 2>>"$WORK/cgi.log"
}
out=$(user_cgi REMOTE_ADDR=192.0.2.7)
ok $([[ "$out" == "Status: 400"* ]] && [[ "$out" == *'error="invalid_request"'* ]] &&
    [[ "$out" != *a@example.com* ]]; echo $?) \
    "api-user-tls-required: a Bearer token over plain http from a remote address is refused (400 invalid_request)"
out=$(user_cgi REMOTE_ADDR=192.0.2.7 HTTP_X_FORWARDED_PROTO=https)
ok $([[ "$out" == "Status: 400"* ]]; echo $?) "api-user-tls-required: a client-sent X-Forwarded-Proto is not trusted"
out=$(user_cgi REMOTE_ADDR=192.0.2.7 HTTPS=on)
ok $([[ "$out" == "Status: 200"* ]] && [[ "$out" == *a@example.com* ]]; echo $?) \
    "api-user-tls-ok: HTTPS=on from the web server is accepted"
out=$(user_cgi REMOTE_ADDR=::1)
ok $([[ "$out" == "Status: 200"* ]]; echo $?) "api-user-loopback-ok: plain http from ::1 is accepted"
echo "allow_plain_http = true" >>"$CONF"
out=$(user_cgi REMOTE_ADDR=192.0.2.7)
ok $([[ "$out" == "Status: 200"* ]]; echo $?) "api-user-allow-plain-http: the config can allow plain http"
sed -i '/^allow_plain_http/d' "$CONF"
status=$(get /api/user)
ok $([ "$status" = 401 ] && [ "$(header WWW-Authenticate)" = 'Bearer realm="cpassport"' ]; echo $?) \
    "api-user-no-token: 401 with a bare Bearer challenge (RFC 6750 §3.1)"
status=$(get /api/user -H "Authorization: Bearer a b")
ok $([ "$status" = 400 ] && header WWW-Authenticate | grep -q 'error="invalid_request"'; echo $?) \
    "api-user-malformed: 400 invalid_request"
# Change one signature character (to another): never the same token.
c=${AT: -10:1}; [ "$c" = A ] && r=B || r=A
status=$(get /api/user -H "Authorization: Bearer ${AT:0:${#AT}-10}$r${AT: -9}")
ok $([ "$status" = 401 ] && header WWW-Authenticate | grep -q 'error="invalid_token"'; echo $?) \
    "api-user-bad-signature: 401 invalid_token"
status=$(get /api/user -H "Authorization: Basic $(printf a:b | base64)")
is "$status" 401 "api-user-basic: another scheme is no token"
# Expired: a token whose claims say so (the row alone is checked too).
psql_q "UPDATE oauth_access_tokens SET expires_at = now() - interval '1 s' WHERE id = '$(claims "$AT" | jq -r .jti)'" >/dev/null
status=$(get /api/user -H "Authorization: Bearer $AT")
is "$status" 401 "api-user-expired: 401 invalid_token"
AT=$(token other)
status=$(get /api/user -H "Authorization: Bearer $AT")
ok $([ "$status" = 403 ] && header WWW-Authenticate | grep -q 'error="insufficient_scope", .*scope="profile"'; echo $?) \
    "api-user-insufficient-scope: 403 naming the required scope"
# The other checks: typ, issuer, revoked user or client.
AT=$(token profile)
psql_q "UPDATE users SET revoked = true WHERE id = $ANN" >/dev/null
is "$(get /api/user -H "Authorization: Bearer $AT")" 401 "api-user-user-revoked: 401"
psql_q "UPDATE users SET revoked = false WHERE id = $ANN" >/dev/null
"$CPASSPORT" client revoke "$CID" >/dev/null
is "$(get /api/user -H "Authorization: Bearer $AT")" 401 "api-user-client-revoked: 401"
psql_q "UPDATE oauth_clients SET revoked = false WHERE id = '$CID'" >/dev/null
is "$(get /api/user -H "Authorization: Bearer $AT")" 200 "api-user-restored: 200 again"
sed -i "s|^issuer = .*|issuer = http://elsewhere.example|" "$CONF"
lighttpd_stop; lighttpd_start
is "$(get /api/user -H "Authorization: Bearer $AT")" 401 "api-user-wrong-issuer: a token of another issuer is refused"
new_client --name Svc --client
post -u "$ID:$SECRET" -d grant_type=client_credentials -d scope=profile >/dev/null
status=$(get /api/user -H "Authorization: Bearer $(json .access_token)")
is "$status" 401 "api-user-no-user: a client credentials token without owner has no user"
status=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X POST -d x=1 "$BASE/api/user")
is "$status:$(header Allow)" "405:GET" "api-user-post: 405 with Allow: GET"
status=$(get /api/user/1)
is "$status:$(json .error):$(header WWW-Authenticate)" "404:not_found:" "api-user-unknown-path: /api/user/1 is 404 JSON, no Bearer challenge"
status=$(get /api/user -I)
is "$status" 401 "api-user-head: HEAD is served as GET (401 without a token)"

done_testing
