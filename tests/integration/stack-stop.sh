#!/bin/bash
# Stopping a stack leaves no process behind (no RFC: a FastCGI process
# left running holds a database connection and the signing key): lighttpd
# runs in a session of its own and stopping ends the whole session
# (scripts/server-session.sh), FastCGI processes lighttpd re-spawned after
# anyone read their PIDs, and those it left when it died, included.  The
# stack's processes are told by its unique directory ($WORK) in their
# command line, working directory, open files or sockets.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }
new_client --name Svc --client; CID=$ID CSECRET=$SECRET
grant() { post -u "$CID:$CSECRET" -d grant_type=client_credentials; }
fastcgi_pids() { processes_under "$WORK/run" | sort -n; }
# respawn: kill one token.fcgi; lighttpd starts another in its place.
respawn() {
	local kids victim now
	kids=$(pgrep -P "$LIGHTTPD_PID" -x token.fcgi | sort -n)
	victim=$(head -1 <<<"$kids")
	kill -KILL "$victim"
	for _ in $(seq 100); do
		now=$(pgrep -P "$LIGHTTPD_PID" -x token.fcgi | sort -n)
		[ "$(grep -c . <<<"$now")" = "$(grep -c . <<<"$kids")" ] && ! grep -qx "$victim" <<<"$now" &&
		    return 0
		sleep 0.05
	done
	return 1
}

n=$(fastcgi_pids | grep -c .)
ok $([ "$n" -ge 20 ] && [ "$(grant)" = 200 ]; echo $?) "stack-stop-setup: the stack serves ($n FastCGI processes found by its directory)"
check "stack-stop-setup: a killed token.fcgi is re-spawned by lighttpd" respawn
[ "$(grant)" = 200 ] || echo "# the grant after the respawn failed"
lighttpd_stop
left=$(fastcgi_pids)
ok $([ -z "$left" ]; echo $?) \
    "stack-stop-no-fastcgi-left: stopping lighttpd ends every FastCGI process, the re-spawned one included (left: $(echo $left))"

# lighttpd dying on its own (a crash, the OOM killer, kill -9) leaves its
# FastCGI processes to init: the stop still ends them, by the session.
lighttpd_start || { echo "Bail out! lighttpd did not restart"; exit 1; }
respawn >/dev/null
kill -KILL "$LIGHTTPD_PID"; wait "$LIGHTTPD_PID" 2>/dev/null
sleep 0.2
orphans=$(fastcgi_pids | grep -c .)
stack_stop
left=$(processes_under "$WORK")
ok $([ "$orphans" -ge 20 ] && [ -z "$left" ]; echo $?) \
    "stack-stop-nothing-left: after lighttpd died leaving $orphans FastCGI processes, stack_stop leaves no process of the stack (left: $(echo $left))"

done_testing
