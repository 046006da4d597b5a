#!/bin/bash
# make install with DESTDIR: programs in $(libexecdir)/cpassport, the CLI in
# $(bindir), SQL in $(datadir)/cpassport/sql, the sample config in
# $(sysconfdir), man pages that `man` renders.
set -u
: "${builddir:=$(pwd)}"
n=0
ok() { n=$((n + 1)); if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
dest=$(mktemp -d /tmp/cpassport-install.XXXXXX)
trap 'rm -rf "$dest"' EXIT
var() { sed -n "s|^$1 = ||p" "$builddir/Makefile" | head -1; }
prefix=$(var prefix)
expand() { local v=$1; v=${v//\$\{prefix\}/$prefix}; v=${v//\$\{exec_prefix\}/$prefix}; v=${v//\$\{datarootdir\}/$prefix/share}; echo "$v"; }
bindir=$(expand "$(var bindir)"); libexecdir=$(expand "$(var libexecdir)")
datadir=$(expand "$(var datadir)"); sysconfdir=$(expand "$(var sysconfdir)")
mandir=$(expand "$(var mandir)")

make -s -C "$builddir" install DESTDIR="$dest" >"$dest.log" 2>&1
ok $? "install: make install DESTDIR=… succeeds"
ok $([ -x "$dest$bindir/cpassport" ]; echo $?) "install-cli: cpassport in bindir"
progs=$(ls "$dest$libexecdir/cpassport/"*.fcgi 2>/dev/null | wc -l)
ok $([ "$progs" -eq 7 ]; echo $?) "install-programs: the 7 programs in libexecdir/cpassport ($progs)"
ok $(ls "$dest$datadir/cpassport/sql/001_init.sql" >/dev/null 2>&1; echo $?) "install-sql: migrations in datadir/cpassport/sql"
ok $([ -f "$dest$sysconfdir/cpassport.conf.sample" ]; echo $?) "install-sample-config: cpassport.conf.sample in sysconfdir"
out=$("$dest$bindir/cpassport" --config "$dest$sysconfdir/cpassport.conf.sample" user list 2>&1)
ok $([[ "$out" == *"database unavailable"* ]]; echo $?) "install-sample-parses: the sample config is valid (only the database is missing)"
page=$(MANPATH="$dest$mandir" MANWIDTH=80 man cpassport 2>/dev/null | head -20)
ok $([[ "$page" == *cpassport* ]] && [[ "$page" == *SYNOPSIS* ]]; echo $?) "install-man: \`man cpassport\` renders after install"
page=$(MANPATH="$dest$mandir" MANWIDTH=80 man 5 cpassport.conf 2>/dev/null | head -5)
ok $([ -n "$page" ]; echo $?) "install-man-conf: \`man 5 cpassport.conf\` renders"
rm -f "$dest.log"
echo "1..$n"
