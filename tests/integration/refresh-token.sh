#!/bin/bash
# refresh_token grant (RFC 6749 §6) with rotation and reuse detection.
. "$(dirname "$0")/lib.sh"

# Grace 0: a reuse here is theft at once (refresh-reuse.sh tests the grace).
stack_start "refresh_token_grace_period = 0" ||
    { echo "Bail out! stack did not start"; exit 1; }
for s in read write admin; do "$CPASSPORT" scope add $s "$s things" >/dev/null; done
echo pw | "$CPASSPORT" user add --email u@example.com --name U --scopes read,write >/dev/null
echo pw | "$CPASSPORT" user add --email star@example.com --name S --scopes '*' >/dev/null
new_client --name App --password; CID=$ID CSECRET=$SECRET
new_client --name Other --password; OTHER_ID=$ID OTHER_SECRET=$SECRET

login() {	# login [scope]: a password grant; sets AT and RT
	post -u "$CID:$CSECRET" -d grant_type=password -d username=u@example.com -d password=pw \
	    --data-urlencode "scope=${1:-read write}" >/dev/null
	AT=$(json .access_token); RT=$(json .refresh_token)
}
login_as() {	# login_as EMAIL [curl args]: a password grant; sets AT and RT
	local email=$1; shift
	post -u "$CID:$CSECRET" -d grant_type=password --data-urlencode "username=$email" \
	    -d password=pw "$@" >/dev/null
	AT=$(json .access_token); RT=$(json .refresh_token)
}
refresh() {	# refresh RT [curl args]: prints status
	local rt=$1; shift
	post -u "$CID:$CSECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$rt" "$@"
}
user_status() { get /api/user -H "Authorization: Bearer $1"; }

login
status=$(refresh "$RT")
AT2=$(json .access_token); RT2=$(json .refresh_token)
is "$status" 200 "refresh-ok: 200"
ok $([ -n "$RT2" ] && [ "$RT2" != null ] && [ "$RT2" != "$RT" ]; echo $?) "refresh-rotates: a new refresh token each use"
is "$(json .scope)" "read write" "refresh-scope-kept: the original scope without a scope parameter"
is "$(user_status "$AT2")" 200 "refresh-new-access-token-works: /api/user accepts it"
fam=$(psql_q "SELECT count(DISTINCT family_id) FROM oauth_refresh_tokens")
is "$fam" 1 "refresh-family: the new token joins the old one's family"

# Reuse of the rotated-away token: invalid_grant and the family dies.
status=$(refresh "$RT")
is "$status:$(json .error)" "400:invalid_grant" "refresh-reuse: an already used refresh token is invalid_grant"
is "$(user_status "$AT2")" 401 "refresh-reuse-revokes-access: access tokens of the family are revoked"
status=$(refresh "$RT2")
is "$status:$(json .error)" "400:invalid_grant" "refresh-reuse-revokes-family: the newest refresh token died too"

# Scope: narrower allowed, wider refused.
login read
status=$(refresh "$RT" -d scope=write)
is "$status:$(json .error)" "400:invalid_scope" "refresh-wider-scope: invalid_scope"
status=$(refresh "$RT" -d 'scope=read write')
is "$status:$(json .error)" "400:invalid_scope" "refresh-wider-scope-superset: invalid_scope"
login 'read write'
status=$(refresh "$RT" -d scope=read)
RTN=$(json .refresh_token)
is "$status:$(json .scope)" "200:read" "refresh-narrower-scope: allowed"
status=$(refresh "$RTN" -d 'scope=read write')
is "$status:$(json .scope)" "200:read write" "refresh-original-scope: a later refresh may ask the original scope again (RFC 6749 §6)"

# RFC 6749 §6: an empty original grant (no scope asked, empty default_scope)
# admits no scope on refresh, whatever the client and user hold.
login_as u@example.com
is "$(json .scope)" null "refresh-empty-grant: no scope asked, none granted"
status=$(refresh "$RT" -d 'scope=read write')
is "$status:$(json .error)" "400:invalid_scope" "refresh-empty-grant-never-widens: asking read write is invalid_scope"
login_as star@example.com	# the client and the user both hold *
status=$(refresh "$RT" -d scope=admin)
is "$status:$(json .error)" "400:invalid_scope" "refresh-empty-grant-never-widens-star: * held by client and user adds nothing"
status=$(refresh "$RT" -d 'scope=*')
is "$status:$(json .error)" "400:invalid_scope" "refresh-empty-grant-never-widens-star: nor may * be asked"
status=$(refresh "$RT")
RT2=$(json .refresh_token)
is "$status:$(json .scope)" "200:null" "refresh-empty-grant-held: without scope the empty grant is kept"
is "$(user_status "$(json .access_token)")" 200 "refresh-empty-grant-held: its access token works"
status=$(refresh "$RT2")
is "$status:$(json .scope)" "200:null" "refresh-empty-grant-held: and so does its refresh token"

# RFC 6749 §3.3, §6: a grant of * never admits a name nobody registered.
login_as star@example.com -d 'scope=*'
is "$(json .scope)" "*" "refresh-star-grant: * asked of a * client by a * user"
status=$(refresh "$RT" -d 'scope=nosuch')
is "$status:$(json .error)" "400:invalid_scope" "refresh-star-grant-unregistered-scope: invalid_scope"
status=$(refresh "$RT" -d 'scope=admin')
is "$status:$(json .scope)" "200:admin" "refresh-star-grant-narrows: a registered name within *"

# Bound to its client.
login
status=$(post -u "$OTHER_ID:$OTHER_SECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$RT")
is "$status:$(json .error)" "400:invalid_grant" "refresh-other-client: invalid_grant"
status=$(refresh "$RT")
is "$status" 200 "refresh-other-client-harmless: the owner can still use it"

status=$(refresh "not-a-token")
is "$status:$(json .error)" "400:invalid_grant" "refresh-unknown: invalid_grant"
status=$(post -u "$CID:$CSECRET" -d grant_type=refresh_token)
is "$status:$(json .error)" "400:invalid_request" "refresh-missing: invalid_request"

# Expired.
login
psql_q "UPDATE oauth_refresh_tokens SET expires_at = now() - interval '1 second' WHERE id = decode('$(printf %s "$RT" | sha256sum | cut -d' ' -f1)', 'hex')" >/dev/null
status=$(refresh "$RT")
is "$status:$(json .error)" "400:invalid_grant" "refresh-expired: invalid_grant"

# A revoked user, then a revoked client.
login
psql_q "UPDATE users SET revoked = true WHERE email = 'u@example.com'" >/dev/null
status=$(refresh "$RT")
is "$status:$(json .error)" "400:invalid_grant" "refresh-user-revoked: invalid_grant"
psql_q "UPDATE users SET revoked = false WHERE email = 'u@example.com'" >/dev/null
login
"$CPASSPORT" client revoke "$CID" >/dev/null
status=$(refresh "$RT")
is "$status:$(json .error)" "400:invalid_grant" "refresh-client-revoked: invalid_grant"
psql_q "UPDATE oauth_clients SET revoked = false WHERE id = '$CID'" >/dev/null

done_testing
