#!/bin/bash
# client_credentials (RFC 6749 §4.4) and scopes: sub is the owner or the
# client (RFC 9068 §2.2), scopes bounded by the owner's, no refresh token.
. "$(dirname "$0")/lib.sh"

stack_start "default_scope = read" || { echo "Bail out! stack did not start"; exit 1; }
for s in read write admin; do "$CPASSPORT" scope add $s "$s things" >/dev/null; done
echo pw | "$CPASSPORT" user add --email owner@example.com --scopes read,write >/dev/null
OWNER=$(psql_q "SELECT id FROM users WHERE email = 'owner@example.com'")

new_client --name "Owned service" --client --user "$OWNER"; OWNED_ID=$ID OWNED_SECRET=$SECRET
new_client --name "Lone service" --client --scopes read,admin; LONE_ID=$ID LONE_SECRET=$SECRET

status=$(post -u "$OWNED_ID:$OWNED_SECRET" -d grant_type=client_credentials -d 'scope=read write admin')
c=$(claims "$(json .access_token)")
is "$status" 200 "cc-owned-ok: 200"
is "$(jq -r .sub <<<"$c")" "$OWNER" "cc-owned-sub: sub is the owner user"
is "$(json .scope)" "read write" "cc-owned-scope: bounded by what the owner holds"
is "$(json .refresh_token)" null "cc-no-refresh-token: none issued (RFC 6749 §4.4.3)"
is "$(header Cache-Control)" no-store "cc-no-store"
is "$(psql_q "SELECT user_id FROM oauth_access_tokens WHERE id = '$(jq -r .jti <<<"$c")'")" "$OWNER" \
    "cc-owned-row: the row acts as the owner"

status=$(post --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$LONE_ID" \
    --data-urlencode "client_secret=$LONE_SECRET" --data-urlencode 'scope=read write admin')
c=$(claims "$(json .access_token)")
is "$status" 200 "cc-lone-ok: client_secret_post"
is "$(jq -r .sub <<<"$c")" "$LONE_ID" "cc-lone-sub: sub is the client id without an owner"
is "$(json .scope)" "read admin" "cc-lone-scope: bounded by the client's --scopes"
status=$(post -u "$LONE_ID:$LONE_SECRET" -d grant_type=client_credentials)
is "$(json .scope)" "read" "cc-default-scope: default_scope when none is asked"
status=$(post -u "$LONE_ID:$LONE_SECRET" -d grant_type=client_credentials -d scope=nosuch)
is "$status:$(json .error)" "400:invalid_scope" "cc-unknown-scope: invalid_scope"

new_client --name "Password only" --password
status=$(post -u "$ID:$SECRET" -d grant_type=client_credentials)
is "$status:$(json .error)" "400:unauthorized_client" "cc-unauthorized-client: a client without the grant"
status=$(post -u "$OWNED_ID:wrong" -d grant_type=client_credentials)
is "$status:$(json .error)" "401:invalid_client" "cc-wrong-secret: invalid_client"
psql_q "UPDATE users SET revoked = true WHERE id = $OWNER" >/dev/null
status=$(post -u "$OWNED_ID:$OWNED_SECRET" -d grant_type=client_credentials)
is "$status:$(json .error)" "400:invalid_grant" "cc-owner-disabled: a disabled owner's client gets invalid_grant"

done_testing
