#!/bin/bash
# The manual pages: mandoc finds no warning in them, and every config key
# and CLI command of the code is documented.
set -u
: "${srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
for page in cpassport.8 cpassport.conf.5 cpassport.7; do
	out=$(mandoc -T lint -W warning "$srcdir/man/$page" 2>&1)
	ok $([ -z "$out" ] && [ -s "$srcdir/man/$page" ]; echo $?) "man-lint: $page has no mandoc warning"
	[ -z "$out" ] || printf '# %s\n' "$out"
done
keys=$(sed -n 's/^	{ "\([a-z_]*\)", K_.*/\1/p' "$srcdir/lib/parse/config.c")
cmds=$(sed -n 's/^	{ "\([a-z]*\)", cmd_[a-z]* },/\1/p' "$srcdir/src/cpassport.c")
ok $([ -n "$keys" ] && [ -n "$cmds" ]; echo $?) "man-sources: config keys and commands found in the code"
missing=
for key in $keys; do
	grep -q "$key" "$srcdir/man/cpassport.conf.5" || missing="$missing $key"
done
ok $([ -z "$missing" ]; echo $?) "man-config-keys: cpassport.conf(5) documents every key of lib/parse/config.c${missing:+ (missing:$missing)}"
missing=
for cmd in $cmds; do
	grep -q "Cm $cmd" "$srcdir/man/cpassport.8" || missing="$missing $cmd"
done
ok $([ -z "$missing" ]; echo $?) "man-commands: cpassport(8) documents every command${missing:+ (missing:$missing)}"
echo "1..$n"
