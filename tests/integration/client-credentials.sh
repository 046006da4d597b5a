#!/bin/bash
# client_credentials (RFC 6749 §4.4) through lighttpd and several
# token.fcgi processes.  What one request shows (sub, scopes, refusals)
# and the client cache of one process are in process, tests/endpoint/cc-*.c;
# what stays here needs the real server: each process's client cache
# (client_cache.h) checked across processes, the statements PostgreSQL
# executes for many grants, and a 413 answer that must arrive whole over
# the socket while the body is left unread.
. "$(dirname "$0")/lib.sh"

stack_start "default_scope = read" || { echo "Bail out! stack did not start"; exit 1; }
for s in read write admin; do "$CPASSPORT" scope add $s "$s things" >/dev/null; done
echo pw | "$CPASSPORT" user add --email owner@example.com --scopes read,write >/dev/null
OWNER=$(psql_q "SELECT id FROM users WHERE email = 'owner@example.com'")

new_client --name "Owned service" --client --user "$OWNER"; OWNED_ID=$ID OWNED_SECRET=$SECRET
new_client --name "Lone service" --client --scopes read,admin; LONE_ID=$ID LONE_SECRET=$SECRET

# Each token.fcgi process keeps copies of the clients it served and issues
# with one statement that insists the copy is current (client_cache.h).
# outcomes N CURL-ARGS...: N grants, 8 at a time so that every process
# answers some; prints each distinct "status scope-or-error" once.
outcomes() {
	local n=$1 i code file; shift
	for i in $(seq "$n"); do
		printf 'url = "%s/oauth/token"\noutput = "%s/par.%d"\n' "$BASE" "$WORK" "$i"
	done >"$WORK/par.curl"
	curl -s --no-progress-meter -Z --parallel-max 8 -K "$WORK/par.curl" -d grant_type=client_credentials \
	    -w '%{http_code} %{filename_effective}\n' "$@" |
	while read -r code file; do
		echo "$code $(jq -r '.scope // .error' "$file")"
	done | sort -u
}
# One statement per grant once a process holds the client: what PostgreSQL
# executes (log_statement = all) over 80 grants after a warm-up.
new_client --name "Counted service" --client; CNT_ID=$ID CNT_SECRET=$SECRET
outcomes 40 -u "$CNT_ID:$CNT_SECRET" >/dev/null
psql_q "ALTER SYSTEM SET log_statement = 'all'" >/dev/null; psql_q "SELECT pg_reload_conf()" >/dev/null
sleep 0.5
mark=$(wc -l <"$WORK/pgsock/pg.log")
is "$(outcomes 80 -u "$CNT_ID:$CNT_SECRET")" "200 read" "cc-counted: 80 grants, all 200"
psql_q "ALTER SYSTEM RESET log_statement" >/dev/null; psql_q "SELECT pg_reload_conf()" >/dev/null
tail -n +"$((mark + 1))" "$WORK/pgsock/pg.log" >"$WORK/counted.log"
inserts=$(grep -c 'execute token_insert_current:' "$WORK/counted.log")
finds=$(grep -c 'execute client_find:' "$WORK/counted.log")
procs=$(pgrep -c -P "$LIGHTTPD_PID" -x token.fcgi)
echo "# 80 grants: $inserts token_insert_current, $finds client_find, $procs token.fcgi processes"
ok $([ "$inserts" = 80 ] && [ "$finds" -le "$procs" ]; echo $?) \
    "cc-one-statement: each grant one insert; the client read at most once per process, not per grant"
is "$(outcomes 40 -u "$OWNED_ID:$OWNED_SECRET" -d 'scope=read write')" "200 read write" \
    "cc-cache-warm: 40 grants in parallel, all 200"
psql_q "UPDATE users SET scopes = '{write}' WHERE id = $OWNER" >/dev/null
is "$(outcomes 40 -u "$OWNED_ID:$OWNED_SECRET" -d 'scope=read write')" "200 write" \
    "cc-cache-owner-scopes: the owner's scopes changed: every process grants the new bound"
psql_q "UPDATE users SET revoked = true WHERE id = $OWNER" >/dev/null
is "$(outcomes 40 -u "$OWNED_ID:$OWNED_SECRET")" "400 invalid_grant" \
    "cc-cache-owner-revoked: every process refuses at once"
psql_q "UPDATE users SET revoked = false, scopes = '{read}' WHERE id = $OWNER" >/dev/null
is "$(outcomes 40 -u "$OWNED_ID:wrong")" "401 invalid_client" \
    "cc-cache-wrong-secret: a cached client with a wrong secret: invalid_client"
is "$(outcomes 40 -u "$OWNED_ID:$OWNED_SECRET")" "200 read" \
    "cc-cache-after-wrong: the right secret still works everywhere"
NEW_SECRET=rotated-$RANDOM$RANDOM
psql_q "UPDATE oauth_clients SET secret = sha256(convert_to('$NEW_SECRET', 'UTF8'))
    WHERE id = '$OWNED_ID'" >/dev/null
is "$(outcomes 40 -u "$OWNED_ID:$OWNED_SECRET")" "401 invalid_client" \
    "cc-cache-secret-changed: the old secret is refused by every process"
is "$(outcomes 40 -u "$OWNED_ID:$NEW_SECRET")" "200 read" \
    "cc-cache-new-secret: the new one is accepted by every process"
rows() { psql_q "SELECT count(*) FROM oauth_access_tokens WHERE client_id = '$OWNED_ID'"; }
before=$(rows)
"$CPASSPORT" client revoke "$OWNED_ID" >/dev/null
is "$(outcomes 40 -u "$OWNED_ID:$NEW_SECRET")" "401 invalid_client" \
    "cc-cache-client-revoked: cpassport client revoke holds at once in every process"
is "$(rows)" "$before" "cc-cache-no-row-after-revoke: no token row stored after the revocation"

# A process closes its FastCGI connection at once when it read the whole
# request, and carefully (shut down, then a drain bounded by
# HTTP_LINGER_MS) when input is left unread, as with a body over the
# limit: that answer (413, RFC 9110 §15.5.14) must arrive whole.
head -c 1048576 /dev/zero | tr '\0' a >"$WORK/big"
status=$(post -u "$LONE_ID:$LONE_SECRET" --data-binary @"$WORK/big")
is "$status:$(json .error):$(json .error_description)" "413:invalid_request:request body too large" \
    "body-too-large: a 1 MiB body is refused, and the answer arrives whole"
is "$(outcomes 40 -u "$LONE_ID:$LONE_SECRET")" "200 read" \
    "after-body-too-large: 40 grants in parallel after it, all 200"

done_testing
