#!/bin/bash
# Login throttling under concurrency (RFC 6749 §4.3.2 and §10.10: guard
# password logins against brute force): each attempt takes its slot in a
# fixed window before its password is checked, in one statement, so N
# attempts sent at once get at most the limit judged (5 per account, 20
# per address, per 15 minutes); and what `cpassport purge --expired` says
# it dropped.  This stays in the shell tier: the attempts at once need
# several FastCGI processes behind lighttpd, and the purge line is the
# CLI's own output.  One request at a time (a success gives its slot
# back, the limit, a window ending, what purge drops and keeps) is in
# process: tests/endpoint/login-throttle-*.c, purge-login-failures.c.
. "$(dirname "$0")/lib.sh"

# The password's cost is what keeps attempts in flight together.
BCRYPT_COST=10 stack_start "allow_plain_http = true" ||
    { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "read things" >/dev/null
echo 'pw one' | "$CPASSPORT" user add --email alice@example.com --name Alice --scopes read >/dev/null
new_client --name "Password app" --password; PW_ID=$ID PW_SECRET=$SECRET
new_client --name "Web app" --redirect https://app.example/cb; CID=$ID
AQ="response_type=code&client_id=$CID&scope=read&state=s"
N=12
PIDS=()
wait_all() { wait "${PIDS[@]}"; PIDS=(); }	# not lighttpd: only the requests

reset() { psql_q "DELETE FROM oauth_login_failures" >/dev/null; }
field() {	# field FILE NAME: a hidden input's value (unescaped)
	sed -n "s/.*name=\"$2\" value=\"\([^\"]*\)\".*/\1/p" "$1" | head -1 | sed 's/&amp;/\&/g'
}
# tally DIR: "judged refused other" over the status files in DIR, where
# judged is the given status and refused is 429 with a Retry-After.
tally() {
	local judged=0 refused=0 other=0 f
	for f in "$1"/*.status; do
		case $(cat "$f") in
		"$2") judged=$((judged + 1)) ;;
		429) if grep -qi '^Retry-After: [1-9]' "${f%.status}.headers"; then
			refused=$((refused + 1)); else other=$((other + 1)); fi ;;
		*) other=$((other + 1)) ;;
		esac
	done
	echo "$judged $refused $other"
}
grant_once() {	# grant_once DIR I USER PASSWORD: one password grant, in the background
	curl -s -o "$1/$2.body" -D "$1/$2.headers" -w '%{http_code}' -X POST "$BASE/oauth/token" \
	    -u "$PW_ID:$PW_SECRET" -d grant_type=password --data-urlencode "username=$3" \
	    --data-urlencode "password=$4" >"$1/$2.status"
}
grant_status() {	# grant_status USER PASSWORD: one password grant; prints status
	post -u "$PW_ID:$PW_SECRET" -d grant_type=password --data-urlencode "username=$1" \
	    --data-urlencode "password=$2"
}

# --- N wrong passwords for one account at once, through the login form ------
reset
D="$WORK/form"; mkdir -p "$D"
for i in $(seq $N); do	# each with its own login form (cookie and token)
	curl -s -o "$D/$i.form" -c "$D/$i.jar" "$BASE/oauth/authorize?$AQ"
done
for i in $(seq $N); do
	curl -s -o "$D/$i.body" -D "$D/$i.headers" -w '%{http_code}' -b "$D/$i.jar" \
	    -X POST "$BASE/oauth/authorize" --data-urlencode action=login \
	    --data-urlencode "request=$(field "$D/$i.form" request)" \
	    --data-urlencode "login_token=$(field "$D/$i.form" login_token)" \
	    --data-urlencode email=alice@example.com --data-urlencode password=wrong >"$D/$i.status" &
	PIDS+=($!)
done
wait_all
read -r judged refused other <<<"$(tally "$D" 200)"
ok $([ "$judged" -ge 1 ] && [ "$judged" -le 5 ] && [ $((judged + refused)) = $N ]; echo $?) \
    "login-throttle-concurrent-form: $N wrong passwords at once, at most 5 judged, the rest 429 ($judged judged, $refused refused, $other other)"
is "$(psql_q "SELECT attempts FROM oauth_login_failures WHERE kind = 'account'")" "$judged" \
    "login-throttle-refused-not-counted: the account's window holds the judged attempts only"
is "$(grant_status alice@example.com 'pw one')" 429 "login-throttle-blocks-right-password: the right password waits too"

# --- the same through the password grant (RFC 6749 §4.3.2) -----------------
reset
D="$WORK/grant"; mkdir -p "$D"
for i in $(seq $N); do grant_once "$D" "$i" alice@example.com wrong & PIDS+=($!); done
wait_all
read -r judged refused other <<<"$(tally "$D" 400)"
ok $([ "$judged" -ge 1 ] && [ "$judged" -le 5 ] && [ $((judged + refused)) = $N ] &&
    [ "$(jq -r .error "$D/1.body")" != null ]; echo $?) \
    "login-throttle-concurrent-grant: $N wrong passwords at once, at most 5 judged, the rest 429 ($judged judged, $refused refused, $other other)"
refused_error=$(for i in $(seq $N); do [ "$(cat "$D/$i.status")" = 429 ] && jq -r .error "$D/$i.body"; done | sort -u)
is "$refused_error" "temporarily_unavailable" "login-throttle-grant-error: the refused ones answer 429 temporarily_unavailable, as before"

# --- 25 accounts from one address at once --------------------------------------
reset
D="$WORK/address"; mkdir -p "$D"
for i in $(seq 25); do grant_once "$D" "$i" "user$i@example.com" wrong & PIDS+=($!); done
wait_all
read -r judged refused other <<<"$(tally "$D" 400)"
ok $([ "$judged" -ge 1 ] && [ "$judged" -le 20 ] && [ $((judged + refused)) = 25 ]; echo $?) \
    "login-throttle-concurrent-address: 25 accounts at once from one address, at most 20 judged ($judged judged, $refused refused, $other other)"

# --- purge: the CLI says how many ended windows it dropped -------------------------
reset
psql_q "INSERT INTO oauth_login_failures (kind, key, attempts, window_start, window_end)
    SELECT 'address', '10.0.' || (i / 256) || '.' || (i % 256), 3, now() - interval '1 hour', now() - interval '45 min'
    FROM generate_series(1, 2500) AS i" >/dev/null
out=$("$CPASSPORT" purge --expired)
ok $(grep -q "2500 login throttle windows" <<<"$out"; echo $?) "purge-login-failures-count: the CLI says how many ($out)"

done_testing
