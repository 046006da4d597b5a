#!/bin/bash
# The password grant (RFC 6749 §4.3) when PostgreSQL stops under the whole
# stack: lighttpd + several token.fcgi processes answer 503, and each
# process reconnects on its own once it is back.  Everything one request
# shows (success, the JWT, what is stored, every §5.2 error, TLS) is in
# process: tests/endpoint/token-*.c and password-empty-scope-is-default.c.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }

"$CPASSPORT" scope add read "Read your data" >/dev/null
echo 'correct horse' | "$CPASSPORT" user add --email alice@example.com \
    --name Alice --scopes read >/dev/null
new_client --name "Password client" --password; CID=$ID CSECRET=$SECRET

grant() {	# grant [extra curl args]: password grant with client_secret_post
	post --data-urlencode grant_type=password --data-urlencode "client_id=$CID" \
	    --data-urlencode "client_secret=$CSECRET" "$@"
}

# --- PostgreSQL outage: 503, then recovery --------------------------------
pg_stop immediate
status=$(grant --data-urlencode username=alice@example.com --data-urlencode 'password=correct horse')
ok $([ "$status" = 503 ] && [ "$(json .error)" = temporarily_unavailable ] &&
    [ "$(header Cache-Control)" = no-store ]; echo $?) "token-db-down: 503 temporarily_unavailable"
pg_start
ok=1
for _ in 1 2 3 4; do	# each of the 4 FastCGI processes reconnects on its own
	status=$(grant --data-urlencode username=alice@example.com --data-urlencode 'password=correct horse')
	[ "$status" = 200 ] || { ok=0; break; }
done
ok $([ $ok = 1 ]; echo $?) "token-db-recovers: 200 again once PostgreSQL is back"

done_testing
