#!/bin/bash
# Does a token.fcgi process grow?  Starts the test stack (private
# PostgreSQL + lighttpd with the example config, 4 FastCGI processes) on
# loopback, loads POST /oauth/token with wrk for a bounded time, and prints
# the processes' summed RSS after a short and after a long run of the same
# kind of request:
#   - "scope": client_secret_basic + client lookup + scope lookup +
#     error JSON (all but bcrypt, signing and insert);
#   - "grant": full password grants (bcrypt-bound, so far fewer).
# SECONDS_LONG (default 60) sets the long run.
# usage: bench/token-rss.sh   (from a built tree: build/ next to it)
srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${builddir:-$srcdir/build}
. "$srcdir/tests/integration/lib.sh"
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }

stack_start || exit 1
"$CPASSPORT" scope add read "Read" >/dev/null
echo 'pw' | "$CPASSPORT" user add --email u@example.com --scopes read >/dev/null
out=$("$CPASSPORT" client --name bench --password)
CID=$(sed -n 's/^Client ID: //p' <<<"$out"); SECRET=$(sed -n 's/^Client secret: //p' <<<"$out")
AUTH=$(printf '%s:%s' "$CID" "$SECRET" | base64 -w0)

rss_kb() {	# summed RSS of the token.fcgi processes
	local total=0
	for p in $(pgrep -f "$builddir/cgi-bin/token.fcgi"); do
		total=$((total + $(awk '/^VmRSS/ {print $2}' /proc/$p/status)))
	done
	echo $total
}

load() {	# load BODY SECONDS: wrk, 8 connections, bounded time
	cat >"$WORK/bench.lua" <<LUA
wrk.method = "POST"
wrk.body = "$1"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $AUTH"
LUA
	wrk -t2 -c8 -d"$2"s -s "$WORK/bench.lua" "$BASE/oauth/token" |
	    grep -E 'requests in|Requests/sec|Non-2xx' | sed 's/^ */  /'
}

echo "== scope (invalid_scope after client auth and two queries)"
body="grant_type=password&username=u%40example.com&password=pw&scope=nosuch"
load "$body" 1
a=$(rss_kb); echo "RSS after the first second: $a kB"
load "$body" ${SECONDS_LONG:-60}
b=$(rss_kb); echo "RSS after ${SECONDS_LONG:-60} s more: $b kB (+$((b - a)) kB)"

echo "== grant (full password grants: bcrypt, ES256, insert)"
body="grant_type=password&username=u%40example.com&password=pw&scope=read"
load "$body" 2
a=$(rss_kb); echo "RSS after 2 s: $a kB"
load "$body" ${SECONDS_LONG:-60}
b=$(rss_kb); echo "RSS after ${SECONDS_LONG:-60} s more: $b kB (+$((b - a)) kB)"
echo "rows: $(psql_q 'SELECT count(*) FROM oauth_access_tokens')"
