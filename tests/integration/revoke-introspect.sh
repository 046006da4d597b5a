#!/bin/bash
# RFC 7009 revocation and RFC 7662 introspection.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "read things" >/dev/null
echo pw | "$CPASSPORT" user add --email i@example.com --name Ivy --scopes read >/dev/null
IVY=$(psql_q "SELECT id FROM users WHERE email = 'i@example.com'")
new_client --name App --password; CID=$ID CSECRET=$SECRET
new_client --name "Resource server" --client --resource-server; RS_ID=$ID RS_SECRET=$SECRET
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
is "$status:$(header Allow):$(json .error)" "405:POST:invalid_request" "introspect-get: 405 with Allow: POST"
status=$(get /oauth/revoke -X PUT)
is "$status:$(header Allow):$(json .error)" "405:POST:invalid_request" "revoke-put: 405 with Allow: POST"
status=$(form /oauth/revoke/x -u "$RS_ID:$RS_SECRET" --data-urlencode "token=$AT")
is "$status:$(json .error)" "404:not_found" "revoke-unknown-path: /oauth/revoke/x is 404 JSON, nothing revoked"
status=$(form /oauth/introspectx -u "$RS_ID:$RS_SECRET" --data-urlencode "token=$AT")
is "$status:$(json .error)" "404:not_found" "introspect-unknown-path: /oauth/introspectx is 404 JSON"

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

# Each introspect.fcgi process keeps copies of the clients it served and
# confirms the copy in the statement that checks the token's row
# (token_lookup.h).  iresults N TOKEN CURL-ARGS...: N introspections, 8 at
# a time so that every process answers some; each distinct "status
# active-or-error" once.
iresults() {
	local n=$1 t=$2 i code file; shift 2
	for i in $(seq "$n"); do
		printf 'url = "%s/oauth/introspect"\noutput = "%s/intro.%d"\n' "$BASE" "$WORK" "$i"
	done >"$WORK/intro.curl"
	curl -s --no-progress-meter -Z --parallel-max 8 -K "$WORK/intro.curl" \
	    --data-urlencode "token=$t" -w '%{http_code} %{filename_effective}\n' "$@" |
	while read -r code file; do
		echo "$code $(jq -r 'if has("active") then .active else .error end' "$file")"
	done | sort -u
}
new_client --name "Cached resource server" --client --resource-server; CRS_ID=$ID CRS_SECRET=$SECRET
login
iresults 40 "$AT" -u "$CRS_ID:$CRS_SECRET" >/dev/null
psql_q "ALTER SYSTEM SET log_statement = 'all'" >/dev/null; psql_q "SELECT pg_reload_conf()" >/dev/null
sleep 0.5
mark=$(wc -l <"$WORK/pgsock/pg.log")
is "$(iresults 80 "$AT" -u "$CRS_ID:$CRS_SECRET")" "200 true" "introspect-counted: 80 introspections, all active"
psql_q "ALTER SYSTEM RESET log_statement" >/dev/null; psql_q "SELECT pg_reload_conf()" >/dev/null
tail -n +"$((mark + 1))" "$WORK/pgsock/pg.log" >"$WORK/counted.log"
fors=$(grep -c 'execute token_access_find_for:' "$WORK/counted.log")
finds=$(grep -c 'execute client_find:' "$WORK/counted.log")
plain=$(grep -c 'execute token_access_find:' "$WORK/counted.log")
procs=$(pgrep -c -P "$LIGHTTPD_PID" -x introspect.fcgi)
echo "# 80 introspections: $fors token_access_find_for, $finds client_find, $plain token_access_find, $procs introspect.fcgi processes"
ok $([ "$fors" = 80 ] && [ "$plain" = 0 ] && [ "$finds" -le "$procs" ]; echo $?) \
    "introspect-one-statement: one statement each; the caller read at most once per process"
is "$(iresults 40 "$RT" -u "$CID:$CSECRET")" "200 true" \
    "introspect-cache-refresh: a refresh token, by its own cached client, is active everywhere"
is "$(iresults 40 "$AT" -u "$CRS_ID:wrong")" "401 invalid_client" \
    "introspect-cache-wrong-secret: a cached caller with a wrong secret: invalid_client"
is "$(iresults 40 "$AT" -u "$CRS_ID:$CRS_SECRET")" "200 true" \
    "introspect-cache-after-wrong: the right secret still works everywhere"
NEW_SECRET=rotated-$RANDOM$RANDOM
psql_q "UPDATE oauth_clients SET secret = sha256(convert_to('$NEW_SECRET', 'UTF8'))
    WHERE id = '$CRS_ID'" >/dev/null
is "$(iresults 40 "$AT" -u "$CRS_ID:$CRS_SECRET")" "401 invalid_client" \
    "introspect-cache-secret-changed: the old secret is refused by every process"
is "$(iresults 40 "$AT" -u "$CRS_ID:$NEW_SECRET")" "200 true" \
    "introspect-cache-new-secret: the new one is accepted by every process"
revoke "$AT" >/dev/null
is "$(iresults 40 "$AT" -u "$CRS_ID:$NEW_SECRET")" "200 false" \
    "introspect-cache-token-revoked: every process sees the revocation at once"
login
"$CPASSPORT" client revoke "$CRS_ID" >/dev/null
is "$(iresults 40 "$AT" -u "$CRS_ID:$NEW_SECRET")" "401 invalid_client" \
    "introspect-cache-caller-revoked: cpassport client revoke holds at once in every process"

# RFC 7662 §2.1: who may introspect what.  A client sees the tokens issued
# to it; only a client registered as a resource server sees the others'
# access tokens, and nobody sees another client's refresh token.
new_client --name "Tenant B" --client; B_ID=$ID B_SECRET=$SECRET
new_client --name "Tenant C" --client; C_ID=$ID C_SECRET=$SECRET
login
status=$(form /oauth/introspect -u "$B_ID:$B_SECRET" --data-urlencode "token=$AT")
is "$status:$(cat "$WORK/body")" '200:{"active":false}' \
    "introspect-other-client-access: another client's access token is {\"active\":false}, no username (RFC 7662 §2.1)"
post -u "$B_ID:$B_SECRET" -d grant_type=client_credentials >/dev/null; BT=$(json .access_token)
status=$(form /oauth/introspect -u "$C_ID:$C_SECRET" --data-urlencode "token=$BT")
is "$status:$(json .active)" "200:false" \
    "introspect-other-client-access: nor is a client_credentials token of another client"
# Every process first answers A (the token's client) from its caches (the
# verified signature, the caller's copy), then B: B still sees nothing.
is "$(iresults 40 "$AT" -u "$CID:$CSECRET")" "200 true" \
    "introspect-cache-other-client: the token's own client sees it active in every process"
is "$(iresults 40 "$AT" -u "$B_ID:$B_SECRET")" "200 false" \
    "introspect-cache-other-client: a cached positive answer for its client is not shown to another client"
"$CPASSPORT" client update "$B_ID" --resource-server >/dev/null
is "$(iresults 40 "$AT" -u "$B_ID:$B_SECRET")" "200 true" \
    "introspect-resource-server: once registered as a resource server (client update), every process shows it others' access tokens"
status=$(form /oauth/introspect -u "$B_ID:$B_SECRET" --data-urlencode "token=$AT")
is "$status:$(json .active):$(json .username):$(json .client_id)" "200:true:i@example.com:$CID" \
    "introspect-resource-server: with the token's user and client"
is "$(iresults 40 "$RT" -u "$B_ID:$B_SECRET")" "200 false" \
    "introspect-resource-server-refresh: a resource server does not see another client's refresh token"
"$CPASSPORT" client list >"$WORK/clients"
ok $(head -1 "$WORK/clients" | grep -q 'RESOURCE_SERVER$' &&
    grep "^$B_ID " "$WORK/clients" | grep -q ' yes$' && grep "^$C_ID " "$WORK/clients" | grep -q ' no$'; echo $?) \
    "introspect-client-list: cpassport client list shows which clients are resource servers"
"$CPASSPORT" client update "$B_ID" --no-resource-server >/dev/null
is "$(iresults 40 "$AT" -u "$B_ID:$B_SECRET")" "200 false" \
    "introspect-resource-server-dropped: the flag removed, every process answers false again"

done_testing
