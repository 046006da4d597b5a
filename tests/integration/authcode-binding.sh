#!/bin/bash
# Of two exchanges of one code sent at once exactly one wins (RFC 6749
# §4.1.2 "MUST NOT be used more than once").  This stays in the shell
# tier: it needs two token.fcgi processes behind lighttpd serving the
# two requests at the same time.  The rest of the code's binding to its
# client (another client cannot burn it, its replay revokes nothing, its
# own client's replay or failed PKCE burns it) is in process:
# tests/endpoint/authcode-*.c.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true
default_scope = read" || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "Read things" >/dev/null
echo 'pw one' | "$CPASSPORT" user add --email alice@example.com --name Alice \
    --scopes read >/dev/null
CB=https://app.example/cb
# Asked every time: each round walks the consent screen (no remembered consent).
new_client --name "Web app" --redirect "$CB" --no-remember-consent; CID=$ID CSECRET=$SECRET
. "$(dirname "$0")/authcode-lib.sh"

Q="response_type=code&client_id=$CID&redirect_uri=$(jq -rn --arg u "$CB" '$u|@uri')&state=s"
login_as alice@example.com 'pw one' "$Q" >/dev/null

# Many rounds of two exchanges of one code sent at once; exactly one gets
# tokens each time.
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

done_testing
