#!/bin/bash
# Does a token.fcgi process grow?  Starts the test stack (private
# PostgreSQL + lighttpd with the example config, 4 FastCGI processes) on
# loopback, loads POST /oauth/token with wrk for a bounded number of
# requests, and prints the processes' summed RSS after 1,000 and after
# 100,000 requests of the same kind:
#   - "scope": client_secret_basic + client lookup + scope lookup +
#     error JSON (all but bcrypt, signing and insert);
#   - "grant": full password grants (bcrypt-bound: 200 then 2,000).
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

load() {	# load BODY COUNT: exactly COUNT requests (wrk, 8 connections)
	cat >"$WORK/bench.lua" <<LUA
wrk.method = "POST"
wrk.body = "$1"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic $AUTH"
local n = 0
request = function()
	n = n + 1
	if n > $2 / 8 then wrk.thread:stop() end
	return wrk.format()
end
LUA
	wrk -t8 -c8 -d600s -s "$WORK/bench.lua" "$BASE/oauth/token" |
	    grep -E 'requests in|Requests/sec|Non-2xx'
}

echo "== scope (invalid_scope after client auth and two queries)"
load "grant_type=password&username=u%40example.com&password=pw&scope=nosuch" 1000
a=$(rss_kb); echo "RSS after 1,000: $a kB"
load "grant_type=password&username=u%40example.com&password=pw&scope=nosuch" 100000
b=$(rss_kb); echo "RSS after 101,000: $b kB ($(( (b - a) * 1000 / a )) per mille)"

echo "== grant (full password grants: bcrypt, ES256, insert)"
load "grant_type=password&username=u%40example.com&password=pw&scope=read" 200
a=$(rss_kb); echo "RSS after 200: $a kB"
load "grant_type=password&username=u%40example.com&password=pw&scope=read" 2000
b=$(rss_kb); echo "RSS after 2,200: $b kB ($(( (b - a) * 1000 / a )) per mille)"
echo "rows: $(psql_q 'SELECT count(*) FROM oauth_access_tokens')"
