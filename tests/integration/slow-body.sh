#!/bin/bash
# A client trickling its body cannot pin a FastCGI process (RFC 9110
# §15.5.9 408, §15.5.14 413; answered as RFC 6749 §5.2 invalid_request):
# the body has a deadline (HTTP_BODY_TIMEOUT_MS, 5 s) and an oversize one
# is refused before a byte of it is read.  lighttpd and nginx buffer the
# body before passing it on, so these tests talk FastCGI to token.fcgi
# directly (tests/integration/fcgi_client.py), one process on its socket.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }
new_client --name Svc --client; CID=$ID CSECRET=$SECRET
SOCK="$WORK/slow.sock"
env -i ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} CPASSPORT_CONFIG="$CONF" PATH="$PATH" \
    spawn-fcgi -n -s "$SOCK" -- "$builddir/cgi-bin/token.fcgi" 2>>"$WORK/cgi.log" &
FCGI_PID=$!
trap 'kill "$FCGI_PID" 2>/dev/null; wait "$FCGI_PID" 2>/dev/null; stack_stop' EXIT
for _ in $(seq 100); do [ -S "$SOCK" ] && break; sleep 0.05; done

BODY="grant_type=client_credentials&client_id=$CID&client_secret=$CSECRET"
fcgi() {	# fcgi ARGS...: one request to the token.fcgi process, as a web server would send it
	python3 "$srcdir/tests/integration/fcgi_client.py" "$SOCK" --param REQUEST_METHOD=POST \
	    --param REQUEST_URI=/oauth/token --param REMOTE_ADDR=127.0.0.1 \
	    --param CONTENT_TYPE=application/x-www-form-urlencoded "$@"
}
elapsed_of() { sed -n 's/^elapsed //p' <<<"$1"; }
within() { python3 -c 'import sys; sys.exit(not float(sys.argv[1]) <= float(sys.argv[2]))' "$1" "$2"; }

out=$(fcgi --body "$BODY")
ok $([[ "$out" == "Status: 200"* ]] && [[ "$out" == *'"access_token"'* ]]; echo $?) \
    "slow-body-baseline: a whole body at once is answered (200)"

# The first 10 bytes, then one byte every 0.4 s: 5 s of it are 22 bytes.
out=$(fcgi --body "$BODY" --send 30 --trickle 0.4 --timeout 20)
t=$(elapsed_of "$out")
ok $([[ "$out" == "Status: 408"* ]] && [[ "$out" == *'"error":"invalid_request"'* ]] &&
    within "$t" 7; echo $?) \
    "slow-body-deadline: a body still incomplete after 5 s is refused (408 invalid_request) at the deadline (${t} s)"

# One process: while a client trickles, a second request waits only for
# the deadline, not for the trickler.
fcgi --body "$BODY" --send 40 --trickle 0.5 --timeout 40 >"$WORK/trickler.out" &
tpid=$!
sleep 0.3
out=$(fcgi --body "$BODY" --timeout 15)
t=$(elapsed_of "$out")
ok $([[ "$out" == "Status: 200"* ]] && within "$t" 7; echo $?) \
    "slow-body-does-not-pin: with one FastCGI process, the next request is answered within the deadline (${t} s)"
wait "$tpid"
ok $(head -1 "$WORK/trickler.out" | grep -q '^Status: 408'; echo $?) "slow-body-does-not-pin: the trickler got 408"

# Content-Length over FORM_MAX_BODY: 413 before a byte of the body is read,
# without waiting for it (nothing of it is sent here).
out=$(fcgi --body "$BODY" --content-length 100000 --send 0 --timeout 10)
t=$(elapsed_of "$out")
ok $([[ "$out" == "Status: 413"* ]] && [[ "$out" == *'"error":"invalid_request"'* ]] &&
    within "$t" 1.5; echo $?) \
    "oversize-body-refused-at-once: Content-Length 100000 is 413 invalid_request at once (${t} s)"
out=$(fcgi --body "$BODY" --content-length 100000 --send 20 --trickle 0.2 --timeout 10)
t=$(elapsed_of "$out")
ok $([[ "$out" == "Status: 413"* ]] && within "$t" 1.5; echo $?) \
    "oversize-body-refused-at-once: a trickled oversize body does not hold the answer (${t} s)"
out=$(fcgi --body "$BODY")
ok $([[ "$out" == "Status: 200"* ]]; echo $?) "oversize-body-refused-at-once: the process serves the next request"

# Plain CGI: the same deadline on stdin.
cgi_slow() {	# 10 bytes of a body said to be 200, then a byte every 0.5 s
	{ printf 'grant_type'; for _ in $(seq 40); do sleep 0.5; printf x || exit; done; } 2>/dev/null | env -i ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} \
	    CPASSPORT_CONFIG="$CONF" REQUEST_METHOD=POST REQUEST_URI=/oauth/token REMOTE_ADDR=127.0.0.1 \
	    CONTENT_TYPE=application/x-www-form-urlencoded CONTENT_LENGTH=200 \
	    timeout 15 "$builddir/cgi-bin/token.fcgi" 2>>"$WORK/cgi.log"
}
t0=$EPOCHREALTIME
out=$(cgi_slow)
t=$(python3 -c 'import sys; print("%.2f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$t0" "$EPOCHREALTIME")
ok $([[ "$out" == "Status: 408"* ]] && [[ "$out" == *'"error":"invalid_request"'* ]] && within "$t" 7; echo $?) \
    "cgi-slow-body-deadline: as plain CGI too, 408 invalid_request at the deadline (${t} s)"

done_testing
