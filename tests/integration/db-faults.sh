#!/bin/bash
# The database seen failing where it takes the CLI or a proxy between the
# programs and PostgreSQL: the server's notices in `cpassport migrate`'s
# log, the CLI's connect_timeout default against a silent listener; then,
# through a proxy that fails on command (pgproxy.py) under the running
# FastCGI processes, statements the session lost, answers lost (a 503,
# RFC 6749 §5.2), and a migration cut off.  The 503 of a database gone is
# in process: tests/endpoint/db-unavailable.c.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }
echo pw | "$CPASSPORT" user add --email u@example.com --name U >/dev/null
new_client --name App --password; CID=$ID CSECRET=$SECRET
new_client --name Service --client; CC_ID=$ID CC_SECRET=$SECRET
CB=https://app.example/cb
new_client --name Web --redirect "$CB"; WEB_ID=$ID WEB_SECRET=$SECRET

# A listener that accepts and never answers: an unreachable database.
silent_listener() {	# silent_listener PORT: runs until killed
	python3 -c 'import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(8)
held = []
while True: held.append(s.accept())' "$1" &
	SILENT_PID=$!
	for _ in $(seq 50); do
		python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null && return 0
		sleep 0.1
	done
}
# seconds_to_fail DATABASE: how long `cpassport migrate` takes to give up
# on DATABASE (no connect_timeout of its own); "hung" after 30 s.
seconds_to_fail() {
	local conf="$WORK/unreachable.conf" t0 t1
	sed "s|^database = .*|database = $1|" "$CONF" >"$conf"
	t0=$(date +%s)
	CPASSPORT_CONFIG=$conf timeout 30 "$CPASSPORT" migrate >/dev/null 2>&1
	[ $? = 124 ] && { echo hung; return; }
	t1=$(date +%s)
	echo $((t1 - t0))
}
within() { [ "$1" != hung ] && [ "$1" -ge 4 ] && [ "$1" -le 10 ]; }

# --- libpq's notices through the project's log line ----------------------
mkdir "$WORK/notice"
cat >"$WORK/notice/001_notice.sql" <<'SQL'
DO $$ BEGIN RAISE NOTICE 'a notice from a migration'
    USING DETAIL = 'a second line'; END $$;
SQL
"$CPASSPORT" migrate --dir "$WORK/notice" >/dev/null 2>"$WORK/migrate.err"
is "$(cat "$WORK/migrate.err")" \
    "cpassport: server_notice: NOTICE: a notice from a migration" \
    "db-notice-logged: one line with the program's name"
ok $(! grep -q '^NOTICE:' "$WORK/migrate.err"; echo $?) \
    "db-notice-logged: not libpq's raw NOTICE on stderr"
"$CPASSPORT" migrate 2>"$WORK/migrate.err" >/dev/null
is "$(cat "$WORK/migrate.err")" "" "migrate-quiet: a second run prints no notice"

# --- connect_timeout=5 unless the connection string sets one -------------
port=$(free_port)
silent_listener "$port"
t=$(seconds_to_fail "host=127.0.0.1 port=$port dbname=cpassport user=postgres")
ok $(within "$t"; echo $?) "db-connect-timeout-default: gives up in ~5 s ($t s)"
t=$(seconds_to_fail "postgresql://postgres@127.0.0.1:$port/cpassport")
ok $(within "$t"; echo $?) "db-connect-timeout-default-uri: gives up in ~5 s ($t s)"
t=$(seconds_to_fail "postgresql://postgres@127.0.0.1:$port/cpassport?connect_timeout=2")
ok $([ "$t" != hung ] && [ "$t" -le 3 ]; echo $?) \
    "db-connect-timeout-kept: the string's own timeout wins ($t s)"
kill "$SILENT_PID"; wait "$SILENT_PID" 2>/dev/null

# --- a 503 says only that the service is unavailable ---------------------
# (with the database gone: tests/endpoint/db-unavailable.c)
UNAVAILABLE="503:temporarily_unavailable:the service is temporarily unavailable"
answer() { echo "$1:$(json .error):$(json .error_description)"; }

# --- through the proxy ---------------------------------------------------
PROXY_PORT=$(free_port) CONTROL="$WORK/proxy.control" TRACE="$WORK/proxy.trace"
: >"$CONTROL"; : >"$TRACE"
python3 "$srcdir/tests/integration/pgproxy.py" "$PROXY_PORT" \
    "$WORK/pgsock/.s.PGSQL.$PGPORT" "$CONTROL" "$TRACE" 2>>"$WORK/proxy.log" &
PROXY_PID=$!
trap 'kill "$PROXY_PID"; stack_stop' EXIT
for _ in $(seq 50); do
	psql -X -h 127.0.0.1 -p "$PROXY_PORT" -U postgres -d cpassport \
	    "sslmode=disable" -qAtc 'SELECT 1' >/dev/null 2>&1 && break
	sleep 0.1
done
sed -i "s|^database = .*|database = host=127.0.0.1 port=$PROXY_PORT \
dbname=cpassport user=postgres sslmode=disable gssencmode=disable|" "$CONF"
lighttpd_stop; lighttpd_start
control() { printf '%s\n' "$*" >"$CONTROL.new" && mv "$CONTROL.new" "$CONTROL"; }
traced() { grep -cx "$1" "$TRACE"; }
cc() { post -u "$CC_ID:$CC_SECRET" -d grant_type=client_credentials; }
tokens() { psql_q "SELECT count(*) FROM oauth_access_tokens WHERE client_id = '$1'"; }
new_code() {	# new_code CODE: an unused code of the web client's, as stored
	psql_q "INSERT INTO oauth_auth_codes (id, user_id, client_id, \
	    redirect_uri, expires_at) VALUES (sha256('$1'::bytea), \
	    (SELECT id FROM users WHERE email = 'u@example.com'), '$WEB_ID', \
	    '$CB', now() + interval '5 minutes')" >/dev/null
}
exchange() {
	post -u "$WEB_ID:$WEB_SECRET" -d grant_type=authorization_code \
	    --data-urlencode "code=$1" --data-urlencode "redirect_uri=$CB"
}

# A session reset under the program (what DISCARD ALL or a pooler's new
# server connection does): each statement is prepared again, not a 500.
for _ in $(seq 8); do cc >/dev/null; done	# each process prepares
control discard 1
codes=
for _ in $(seq 8); do codes="$codes $(cc)"; done
is "$codes" "$(printf ' 200%.0s' $(seq 8))" \
    "db-session-switched-reprepares: every request after DISCARD ALL succeeds"
ok $([ "$(traced discarded)" -ge 1 ]; echo $?) \
    "db-session-switched-reprepares: the sessions were reset ($(traced discarded))"
# Reset right before a transaction: prepared again before it begins.
post -u "$CID:$CSECRET" -d grant_type=password -d username=u@example.com \
    -d password=pw >/dev/null
RT=$(json .refresh_token); : >"$TRACE"
control discard 2 tx_begin
status=$(post -u "$CID:$CSECRET" -d grant_type=refresh_token \
    --data-urlencode "refresh_token=$RT")
is "$status:$(traced discarded)" 200:1 \
    "db-session-switched-reprepares: a reset before BEGIN, the refresh succeeds"
control

# A write whose answer was lost may have run: 503, never sent again.
before=$(tokens "$CC_ID"); : >"$TRACE"
control swallow token_insert_current
status=$(cc)
is "$(answer "$status")" "$UNAVAILABLE" \
    "db-lost-answer-not-resent: client_credentials whose insert's answer was lost: 503"
is "$(($(tokens "$CC_ID") - before)):$(traced 'bind token_insert_current')" 1:1 \
    "db-lost-answer-not-resent: the insert was sent once and ran once"
new_code lost-answer; : >"$TRACE"
control swallow code_consume
status=$(exchange lost-answer)
is "$(answer "$status")" "$UNAVAILABLE" \
    "db-lost-answer-not-resent: a code exchange whose consume's answer was lost: 503"
is "$(traced 'bind code_consume'):$(traced 'bind code_replay')" 1:0 \
    "db-lost-answer-not-resent: the consume was sent once, no replay revocation"

# A read whose answer was lost is asked again.
new_code lost-read; : >"$TRACE"
control swallow client_find
status=$(exchange lost-read)
is "$status:$(traced 'swallowed client_find')" 200:1 \
    "db-lost-read-retried: the client lookup was cut, the exchange succeeds"

# A migration cut off leaves nothing of its file; the next run applies it.
MIG="$WORK/sql"; cp -r "$srcdir/sql" "$MIG"
printf 'CREATE TABLE fault_one (id int);\nCREATE TABLE fault_two (id int);\n' \
    >"$MIG/900_fault.sql"
applied() {
	psql_q "SELECT (SELECT count(*) FROM cpassport_migrations \
	    WHERE version = '900_fault.sql') || ':' || \
	    (to_regclass('fault_one') IS NOT NULL) || \
	    (to_regclass('fault_two') IS NOT NULL)"
}
for cut in fault_two migrate_record; do
	control swallow "$cut"
	"$CPASSPORT" migrate --dir "$MIG" >/dev/null 2>&1; rc=$?
	is "$rc:$(applied):$(traced "swallowed $cut")" 1:0:falsefalse:1 \
	    "migrate-lost-connection-rolls-back: cut after $cut, nothing of the file stays"
done
"$CPASSPORT" migrate --dir "$MIG" >/dev/null 2>&1; rc=$?
is "$rc:$(applied)" 0:1:truetrue \
    "migrate-lost-connection-rolls-back: the next run applies the file"

done_testing
