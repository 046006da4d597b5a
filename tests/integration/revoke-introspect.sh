#!/bin/bash
# RFC 7009 revocation and RFC 7662 introspection across the FastCGI
# processes lighttpd runs: each introspect.fcgi keeps copies of the
# clients it served and of verified signatures, and what one process
# learnt (a revocation, a new secret, a resource-server flag set by the
# CLI) must hold in every other at once; the statements counted in the
# server's log; `cpassport client list`'s column.  One request's answer is
# in process: tests/endpoint/introspect-*.c and revoke-*.c.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "read things" >/dev/null
echo pw | "$CPASSPORT" user add --email i@example.com --name Ivy --scopes read >/dev/null
new_client --name App --password; CID=$ID CSECRET=$SECRET

login() {
	post -u "$CID:$CSECRET" -d grant_type=password -d username=i@example.com -d password=pw -d scope=read >/dev/null
	AT=$(json .access_token); RT=$(json .refresh_token)
}
revoke() {	# revoke TOKEN [curl args] (as the app)
	local t=$1; shift
	form /oauth/revoke -u "$CID:$CSECRET" --data-urlencode "token=$t" "$@"
}

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
iresults 80 "$AT" -u "$CRS_ID:$CRS_SECRET" >/dev/null	# every process, even under load
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
# A process the warm-up missed meets the caller here: it reads it once
# (client_find) and checks that token with the plain statement; every
# other introspection is the one statement.
ok $([ $((fors + plain)) = 80 ] && [ "$plain" = "$finds" ] &&
    [ "$finds" -le "$procs" ]; echo $?) \
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
# Every process first answers A (the token's client) from its caches (the
# verified signature, the caller's copy), then B: B still sees nothing.
is "$(iresults 40 "$AT" -u "$CID:$CSECRET")" "200 true" \
    "introspect-cache-other-client: the token's own client sees it active in every process"
is "$(iresults 40 "$AT" -u "$B_ID:$B_SECRET")" "200 false" \
    "introspect-cache-other-client: a cached positive answer for its client is not shown to another client"
"$CPASSPORT" client update "$B_ID" --resource-server >/dev/null
is "$(iresults 40 "$AT" -u "$B_ID:$B_SECRET")" "200 true" \
    "introspect-resource-server: once registered as a resource server (client update), every process shows it others' access tokens"
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
