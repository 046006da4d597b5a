#!/bin/bash
# A code is burnt only by its own client (RFC 6749 §4.1.3, §10.5): another
# client presenting it, with or without a secret, leaves it usable and,
# presenting it used, revokes nothing; its own client's replay revokes
# what it gave (§4.1.2); of two exchanges at once exactly one wins.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true
default_scope = read" || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "Read things" >/dev/null
echo 'pw one' | "$CPASSPORT" user add --email alice@example.com --name Alice \
    --scopes read >/dev/null
CB=https://app.example/cb
new_client --name "Web app" --redirect "$CB"; CID=$ID CSECRET=$SECRET
new_client --name "Other app" --redirect "$CB"; OTHER_ID=$ID OTHER_SECRET=$SECRET
new_client --name "Mobile" --public --redirect "$CB"; PUB_ID=$ID
. "$(dirname "$0")/authcode-lib.sh"

Q="response_type=code&client_id=$CID&redirect_uri=$(jq -rn --arg u "$CB" '$u|@uri')&state=s"
login_as alice@example.com 'pw one' "$Q" >/dev/null
exchange() {	# exchange CODE [curl args]: as the web app, its own code
	local code=$1; shift
	post -u "$CID:$CSECRET" -d grant_type=authorization_code \
	    --data-urlencode "code=$code" --data-urlencode "redirect_uri=$CB" "$@"
}
as_other() {	# as_other CODE: the other confidential client presents it
	post -u "$OTHER_ID:$OTHER_SECRET" -d grant_type=authorization_code \
	    --data-urlencode "code=$1" --data-urlencode "redirect_uri=$CB"
}
as_public() {	# as_public CODE: a public client (no secret) presents it
	post -d grant_type=authorization_code -d "client_id=$PUB_ID" \
	    --data-urlencode "code=$1" --data-urlencode "redirect_uri=$CB" \
	    -d code_verifier=0123456789012345678901234567890123456789abc
}
unused() {	# unused CODE: t when the code's row is not used or revoked
	psql_q "SELECT used_at IS NULL AND NOT revoked FROM oauth_auth_codes
	    WHERE id = sha256('$1'::bytea)"
}
api() { get /api/user -H "Authorization: Bearer $1"; }
refresh() {
	post -u "$CID:$CSECRET" -d grant_type=refresh_token \
	    --data-urlencode "refresh_token=$1"
}

# RFC 6749 §4.1.3: "ensure that the authorization code was issued to the
# authenticated confidential client, or ... to client_id" of a public one.
CODE=$(approve_code "$Q")
status=$(as_public "$CODE")
is "$status:$(json .error):$(unused "$CODE")" "400:invalid_grant:t" \
    "authcode-other-client-cannot-burn: a public client's try is invalid_grant, the code unused"
status=$(exchange "$CODE")
is "$status:$(json .token_type)" "200:Bearer" \
    "authcode-other-client-cannot-burn: its own client then exchanges it"

CODE=$(approve_code "$Q")
status=$(as_other "$CODE")
is "$status:$(json .error):$(unused "$CODE")" "400:invalid_grant:t" \
    "authcode-other-confidential-client-cannot-burn: invalid_grant, the code unused"
status=$(exchange "$CODE")
AT=$(json .access_token) RT=$(json .refresh_token)
is "$status" 200 \
    "authcode-other-confidential-client-cannot-burn: its own client then exchanges it"

# RFC 6749 §4.1.2: the revocation a replay earns is for the code's client.
status=$(as_other "$CODE")
is "$status:$(json .error)" "400:invalid_grant" \
    "authcode-other-client-replay-no-revoke: another client's replay is invalid_grant"
as_public "$CODE" >/dev/null
is "$(api "$AT"):$(psql_q "SELECT revoked FROM oauth_auth_codes
    WHERE id = sha256('$CODE'::bytea)")" "200:f" \
    "authcode-other-client-replay-no-revoke: the owner's access token still works"
status=$(refresh "$RT")
RT=$(json .refresh_token)
is "$status" 200 \
    "authcode-other-client-replay-no-revoke: the owner's refresh token still works"

status=$(exchange "$CODE")
is "$status:$(json .error)" "400:invalid_grant" \
    "authcode-own-replay-revokes: its own client's replay is invalid_grant"
status=$(refresh "$RT"):$(json .error)
is "$(api "$AT"):$status" "401:400:invalid_grant" \
    "authcode-own-replay-revokes: the tokens it gave are revoked, refreshed ones too"

# RFC 6749 §4.1.2 "MUST NOT be used more than once": many rounds of two
# exchanges of one code sent at once; exactly one gets tokens each time.
rounds=10 bad=0
for r in $(seq $rounds); do
	CODE=$(approve_code "$Q")
	pids=
	for i in 1 2; do
		curl -s -o "$WORK/par$i" -w '%{http_code}\n' -X POST \
		    -u "$CID:$CSECRET" -d grant_type=authorization_code \
		    --data-urlencode "code=$CODE" --data-urlencode "redirect_uri=$CB" \
		    "$BASE/oauth/token" >"$WORK/par$i.status" &
		pids="$pids $!"
	done
	wait $pids
	got=$(cat "$WORK/par1.status" "$WORK/par2.status" | sort | tr '\n' ' ')
	[ "$got" = "200 400 " ] || { echo "# round $r: $got"; bad=$((bad + 1)); }
done
is "$bad" 0 "authcode-parallel-exchange-one-wins: $rounds rounds, one 200 and one 400 each"

# Kept as it was: its own client failing the PKCE check (RFC 7636 §4.6)
# burns the code; that client starts the flow again.
VERIFIER=$(head -c 48 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d = | head -c 64)
CHALLENGE=$(printf '%s' "$VERIFIER" | openssl dgst -sha256 -binary | base64 -w0 |
    tr '+/' '-_' | tr -d =)
PQ="response_type=code&client_id=$PUB_ID&redirect_uri=$(jq -rn --arg u "$CB" '$u|@uri')&state=p"
CODE=$(approve_code "$PQ&code_challenge=$CHALLENGE&code_challenge_method=S256")
pexchange() {
	post -d grant_type=authorization_code -d "client_id=$PUB_ID" \
	    --data-urlencode "code=$CODE" --data-urlencode "redirect_uri=$CB" \
	    --data-urlencode "code_verifier=$1"
}
first=$(pexchange "${VERIFIER%?}$([ "${VERIFIER: -1}" = x ] && echo y || echo x)")
second=$(pexchange "$VERIFIER")
is "$first:$second" "400:400" \
    "authcode-own-failed-pkce-burns: a wrong verifier from its own client burns the code"

done_testing
