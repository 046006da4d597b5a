#!/bin/bash
# RFC 7009 revocation and RFC 7662 introspection.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "read things" >/dev/null
echo pw | "$CPASSPORT" user add --email i@example.com --name Ivy --scopes read >/dev/null
IVY=$(psql_q "SELECT id FROM users WHERE email = 'i@example.com'")
new_client --name App --password; CID=$ID CSECRET=$SECRET
new_client --name "Resource server" --client; RS_ID=$ID RS_SECRET=$SECRET
new_client --name "Public app" --public --redirect https://app.example/cb; PUB_ID=$ID

login() {
	post -u "$CID:$CSECRET" -d grant_type=password -d username=i@example.com -d password=pw -d scope=read >/dev/null
	AT=$(json .access_token); RT=$(json .refresh_token)
}
introspect() {	# introspect TOKEN [curl args] (as the resource server)
	local t=$1; shift
	form /oauth/introspect -u "$RS_ID:$RS_SECRET" --data-urlencode "token=$t" "$@"
}
revoke() {	# revoke TOKEN [curl args] (as the app)
	local t=$1; shift
	form /oauth/revoke -u "$CID:$CSECRET" --data-urlencode "token=$t" "$@"
}

login
status=$(introspect "$AT")
c=$(claims "$AT")
is "$status:$(json .active)" "200:true" "introspect-active: an access token is active"
ok $([ "$(json .scope)" = read ] && [ "$(json .client_id)" = "$CID" ] &&
    [ "$(json .username)" = i@example.com ] && [ "$(json .token_type)" = Bearer ] &&
    [ "$(json .sub)" = "$IVY" ] && [ "$(json .iss)" = "$BASE" ] && [ "$(json .aud)" = "$CID" ] &&
    [ "$(json .jti)" = "$(jq -r .jti <<<"$c")" ] && [ "$(json .exp)" = "$(jq -r .exp <<<"$c")" ] &&
    [ "$(json .iat)" != null ] && [ "$(json .nbf)" != null ]; echo $?) \
    "introspect-fields: scope client_id username token_type exp iat nbf sub aud iss jti"
is "$(header Cache-Control)" no-store "introspect-no-store"
status=$(introspect "$RT")
is "$status:$(json .active)" "200:false" "introspect-foreign-refresh: another client's refresh token is not active for it"
status=$(form /oauth/introspect -u "$CID:$CSECRET" --data-urlencode "token=$RT")
is "$status:$(json .active):$(json .token_type)" "200:true:refresh_token" "introspect-own-refresh: its own client sees it active"
status=$(introspect "$RT" -d token_type_hint=access_token)
is "$status" 200 "introspect-hint-not-trusted: a wrong hint still finds the token"
status=$(introspect nonsense)
is "$status:$(json .active)" "200:false" "introspect-unknown: active false"
# A well-formed JWT signed by a key that is not ours.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/foreign.pem" 2>/dev/null
h=$(printf '{"alg":"ES256","typ":"at+jwt","kid":"%s"}' "$(jq -r .kid <<<"$(b64url_json "${AT%%.*}")")" | base64 -w0 | tr '+/' '-_' | tr -d =)
p=$(printf '%s' "$(cut -d. -f2 <<<"$AT")")
sig=$(printf '%s.%s' "$h" "$p" | openssl dgst -sha256 -sign "$WORK/foreign.pem" | base64 -w0 | tr '+/' '-_' | tr -d =)
status=$(introspect "$h.$p.$sig")
is "$status:$(json .active)" "200:false" "introspect-foreign-signature: a token signed by another key is not active"
psql_q "UPDATE oauth_access_tokens SET expires_at = now() - interval '1 s' WHERE id = '$(jq -r .jti <<<"$c")'" >/dev/null
status=$(introspect "$AT")
is "$status:$(json .active)" "200:false" "introspect-expired-row: a token whose row expired is not active"
status=$(form /oauth/introspect -d "client_id=$PUB_ID" --data-urlencode "token=$AT")
is "$status:$(json .error)" "401:invalid_client" "introspect-public-client: needs a confidential client"
status=$(form /oauth/introspect --data-urlencode "token=$AT")
is "$status:$(json .error)" "401:invalid_client" "introspect-no-auth: invalid_client"
status=$(form /oauth/introspect -u "$RS_ID:$RS_SECRET" -d '')
is "$status:$(json .error)" "400:invalid_request" "introspect-no-token: invalid_request"
status=$(get /oauth/introspect)
is "$status" 405 "introspect-get: 405"

# Revocation.
login
status=$(revoke "$AT")
is "$status" 200 "revoke-access: 200"
is "$(introspect "$AT" >/dev/null; json .active)" false "revoke-access: introspection says inactive"
is "$(get /api/user -H "Authorization: Bearer $AT")" 401 "revoke-access: /api/user refuses it"
status=$(post -u "$CID:$CSECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$RT")
is "$status:$(json .error)" "400:invalid_grant" "revoke-access-takes-refresh: its refresh token is revoked too"

login
AT1=$AT
post -u "$CID:$CSECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$RT" >/dev/null
AT2=$(json .access_token); RT2=$(json .refresh_token)
status=$(revoke "$RT2" -d token_type_hint=refresh_token)
is "$status" 200 "revoke-refresh: 200"
is "$(get /api/user -H "Authorization: Bearer $AT1"):$(get /api/user -H "Authorization: Bearer $AT2")" "401:401" \
    "revoke-refresh-family: the family's access tokens are revoked"
login
status=$(revoke "$RT" -d token_type_hint=access_token)
is "$(post -u "$CID:$CSECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$RT"; json .error)" \
    "400invalid_grant" "revoke-hint-not-trusted: a refresh token sent with hint access_token is revoked"
status=$(revoke "unknown-token-value")
is "$status" 200 "revoke-unknown-token: 200 (RFC 7009 §2.2)"
login
status=$(form /oauth/revoke -u "$RS_ID:$RS_SECRET" --data-urlencode "token=$AT")
is "$status:$(json .error)" "400:unauthorized_client" "revoke-other-client: refused (RFC 7009 §2.1)"
is "$(get /api/user -H "Authorization: Bearer $AT")" 200 "revoke-other-client: the token still works"
status=$(form /oauth/revoke -u "$CID:wrong" --data-urlencode "token=$AT")
is "$status:$(json .error)" "401:invalid_client" "revoke-bad-client: invalid_client"
status=$(form /oauth/revoke -u "$CID:$CSECRET" -d '')
is "$status:$(json .error)" "400:invalid_request" "revoke-no-token: invalid_request"

done_testing
