#!/bin/bash
# The layers of lib/ (lib/README): every #include line names its folder,
# and a folder includes only the folders below it.  The libraries that
# hold secrets or talk to the outside are each confined to their layer.
# With no argument the tree checked is the source's; the last test plants
# a crossing in a copy and checks that it is caught.
set -u
: "${srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }

# layer: the folders its files may include (itself first).
rules='base:base
parse:parse base
crypto:crypto parse base
store:store parse base
http:http parse base
app:app crypto store http parse base
auth:auth app crypto store http parse base
grant:grant auth app crypto store http parse base
endpoint:endpoint grant auth app crypto store http parse base
client:client app crypto http parse base
admin:admin grant auth app crypto store http parse base'

# file:included, each an include a rule forbids that one file may have.
# oauth_error.c holds the one database -> OAuth error mapping
# (oauth_db_error), so it needs store/db.h's enum db_status; its header
# takes the status as an int and includes no store/ header.
exceptions='lib/http/oauth_error.c:store/db.h'

# crossings TREE: one line "file: included" per include a rule forbids.
crossings() {
	local tree=$1 rule layer allowed f inc dir rel
	while IFS= read -r rule; do
		layer=${rule%%:*} allowed=" ${rule#*:} "
		for f in "$tree/lib/$layer"/*.[ch]; do
			[ -e "$f" ] || continue
			rel=${f#$tree/}
			sed -n 's/^#include "\(.*\)".*/\1/p' "$f" | while read -r inc; do
				dir=${inc%%/*}
				case "$inc" in */*) ;; *) echo "$rel: $inc (no folder)"; continue ;; esac
				case " $exceptions " in *" $rel:$inc "*) continue ;; esac
				case "$allowed" in *" $dir "*) ;; *) echo "$rel: $inc" ;; esac
			done
		done
	done <<<"$rules"
}

# outside PATTERN ALLOWED-GLOB...: the files of lib/, src/ and cgi-bin/
# that match the extended regex PATTERN and are not in an allowed place.
outside() {
	local tree=$1 pattern=$2 f rel g hit; shift 2
	for f in "$tree"/lib/*/*.[ch] "$tree"/src/*.c "$tree"/cgi-bin/*.c; do
		rel=${f#$tree/} hit=1
		for g in "$@"; do
			# shellcheck disable=SC2053
			[[ $rel == $g ]] && hit=0
		done
		[ "$hit" -eq 1 ] && grep -qE "$pattern" "$f" && echo "$rel"
	done
}

check_tree() {	# check_tree TREE: the TAP lines for one tree
	local tree=$1 out
	out=$(crossings "$tree")
	ok $([ -z "$out" ]; echo $?) "layers: every include names its folder and points down (lib/README)"
	[ -z "$out" ] || sed "s/^/# /" <<<"$out"
	out=$(outside "$tree" '^#include <(openssl/|crypt\.h)' 'lib/crypto/*')
	ok $([ -z "$out" ]; echo $?) "layers: OpenSSL and libxcrypt only in lib/crypto/"
	[ -z "$out" ] || sed "s/^/# /" <<<"$out"
	out=$(outside "$tree" '^#include (<libpq-fe\.h>|"store/db_(pq|row)\.h")|\bPG(result|conn)\b|\bPQ[a-z]+\(' 'lib/store/*')
	ok $([ -z "$out" ]; echo $?) "layers: libpq-fe.h, PGresult and PQ calls only in lib/store/"
	[ -z "$out" ] || sed "s/^/# /" <<<"$out"
	out=$(outside "$tree" '^#include <curl/' 'lib/http/redirect.c' 'lib/client/*')
	ok $([ -z "$out" ]; echo $?) "layers: libcurl only in lib/http/redirect.c and lib/client/"
	[ -z "$out" ] || sed "s/^/# /" <<<"$out"
	out=$(outside "$tree" '^#include <fcgi' 'lib/http/*')
	ok $([ -z "$out" ]; echo $?) "layers: libfcgi only in lib/http/"
	[ -z "$out" ] || sed "s/^/# /" <<<"$out"
	# base/arena.c poisons released chunks under ASan (lib/README).
	asan="$tree/lib/base/arena.c:#include <sanitizer/asan_interface.h>"
	out=$(grep -HE '^#include <' "$tree"/lib/parse/*.[ch] "$tree"/lib/base/*.[ch] |
	    grep -vE '<([a-z]+|sys/[a-z]+)\.h>' | grep -vxF "$asan" |
	    sed "s|^$tree/||")
	ok $([ -z "$out" ]; echo $?) "layers: lib/parse/ and lib/base/ include libc headers only"
	[ -z "$out" ] || sed "s/^/# /" <<<"$out"
}

check_tree "$srcdir"

# The check itself can fail: a copy with a parser that includes the store,
# and an http/ file other than oauth_error.c that does.
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -r "$srcdir/lib" "$srcdir/src" "$srcdir/cgi-bin" "$copy/"
sed -i '1i #include "store/db.h"' "$copy/lib/parse/form.c"
sed -i '1i #include <openssl/evp.h>' "$copy/lib/parse/b64.c"
sed -i '1i #include "store/db.h"' "$copy/lib/http/html.c"
out=$(check_tree "$copy")
grep -q '^# lib/parse/form.c: store/db.h$' <<<"$out" &&
    grep -q '^# lib/parse/b64.c:#include <openssl/evp.h>$' <<<"$out" &&
    grep -q '^# lib/http/html.c: store/db.h$' <<<"$out"
ok $? "layers: a crossing planted in a copy (parse/ including store/ and OpenSSL, http/ other than oauth_error.c the store) is caught"
echo "1..$n"
