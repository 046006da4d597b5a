#!/bin/bash
# The PostgreSQL the in-process endpoint tests share: a private cluster
# (scripts/stack.sh: initdb in DIR, its own port and socket), a template
# database migrated once, and a signing key (ES256, with the RS256 key
# signing.pem.rs256 that `cpassport keys` makes beside it, for id_tokens).
# Each test makes its own database from the template (ep.c), so tests run
# in any order and side by side.
#
#   cluster.sh start DIR CPASSPORT   writes DIR/env (KEY=value lines)
#   cluster.sh stop DIR              stops the cluster, removes DIR
set -u
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
. "$srcdir/scripts/stack.sh"

start() {
	WORK=$1
	local cpassport=$2 conf=$1/cpassport.conf
	stop "$WORK"
	mkdir -p "$WORK" && chmod 755 "$WORK" || return 1
	PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	pg_init || return 1
	# Each test makes and drops a database: durability is not under test
	# here (the shell tier and bench/run keep fsync on).
	printf 'fsync = off\nmax_connections = 200\n' |
	    as_pg tee -a "$WORK/pg/postgresql.conf" >/dev/null
	pg_start || { cat "$WORK/pgsock/pg.log" >&2; return 1; }
	psql -X -h "$WORK/pgsock" -p "$PGPORT" -U postgres -qc \
	    "CREATE DATABASE cpassport_template" postgres || return 1
	cat >"$conf" <<CONF
database = host=$WORK/pgsock port=$PGPORT dbname=cpassport_template user=postgres
signing_key = $WORK/signing.pem
CONF
	CPASSPORT_CONFIG=$conf CPASSPORT_SQLDIR=$srcdir/sql "$cpassport" migrate \
	    >/dev/null || return 1
	CPASSPORT_CONFIG=$conf "$cpassport" keys >/dev/null || return 1
	printf 'EP_PGHOST=%s\nEP_PGPORT=%s\nEP_KEY=%s\n' "$WORK/pgsock" \
	    "$PGPORT" "$WORK/signing.pem" >"$WORK/env"
}

stop() {
	WORK=$1
	[ -f "$WORK/pg/postmaster.pid" ] && pg_stop immediate
	rm -rf "$WORK"
}

case "${1:-}" in
start) [ $# -eq 3 ] && start "$2" "$3" ;;
stop) [ $# -eq 2 ] && stop "$2" ;;
*) echo "usage: cluster.sh start DIR CPASSPORT | stop DIR" >&2; exit 2 ;;
esac
