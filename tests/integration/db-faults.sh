#!/bin/bash
# The database seen failing: what a 503 says (RFC 6749 §4.1.2.1, §5.2),
# the server's notices in the log, and the connect_timeout default.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }
echo pw | "$CPASSPORT" user add --email u@example.com --name U >/dev/null
new_client --name App --password; CID=$ID CSECRET=$SECRET
new_client --name Service --client; CC_ID=$ID CC_SECRET=$SECRET

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
# A second migrate's CREATE TABLE IF NOT EXISTS raises a NOTICE.
"$CPASSPORT" migrate >/dev/null 2>"$WORK/migrate.err"
ok $(grep -q '^cpassport: server_notice: NOTICE: relation .* already exists, skipping$' \
    "$WORK/migrate.err"; echo $?) "db-notice-logged: one line with the program's name"
ok $(! grep -q '^NOTICE:' "$WORK/migrate.err"; echo $?) \
    "db-notice-logged: not libpq's raw NOTICE on stderr"
sed 's/^/# /' "$WORK/migrate.err"

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
UNAVAILABLE="503:temporarily_unavailable:the service is temporarily unavailable"
answer() { echo "$1:$(json .error):$(json .error_description)"; }
# Put the client in a process's cache so a bad secret is judged first.
post -u "$CC_ID:$CC_SECRET" -d grant_type=client_credentials >/dev/null
pg_stop immediate
status=$(post -u "$CID:$CSECRET" -d grant_type=refresh_token -d refresh_token=bad)
is "$(answer "$status")" "$UNAVAILABLE" \
    "db-503-own-description: a refresh with a bad token"
for _ in 1 2 3 4; do	# every FastCGI process, cached copy or not
	status=$(post -u "$CC_ID:wrong" -d grant_type=client_credentials)
	[ "$(answer "$status")" = "$UNAVAILABLE" ] || break
done
is "$(answer "$status")" "$UNAVAILABLE" \
    "db-503-own-description: client_credentials with a bad secret"
ok $([ "$(header Retry-After)" = 5 ]; echo $?) "db-503-own-description: Retry-After"
pg_start

done_testing
