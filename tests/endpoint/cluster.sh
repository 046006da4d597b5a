#!/bin/bash
# The PostgreSQL the in-process endpoint tests share: a private cluster
# (initdb in DIR, its own port and socket), a template database migrated
# once, and a signing key.  Each test makes its own database from the
# template (ep.c), so tests run in any order and side by side.
#
#   cluster.sh start DIR CPASSPORT SQLDIR   writes DIR/env (sourceable)
#   cluster.sh stop DIR                     stops the cluster, removes DIR
set -u
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

as_pg() {	# a PostgreSQL binary as the postgres user when we are root
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
	local dir=$1 cpassport=$2 sqldir=$3 port
	rm -rf "$dir" && mkdir -p "$dir/pg" "$dir/sock" || return 1
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres "$dir/pg" "$dir/sock"
	port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
	as_pg "$PGBIN/initdb" -D "$dir/pg" -U postgres --auth=trust -E UTF8 \
	    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
	    { cat "$dir/initdb.log" >&2; return 1; }
	# Tests make and drop a database each: durability is not under test
	# here (the shell tier and bench/run keep fsync on).
	as_pg "$PGBIN/pg_ctl" -D "$dir/pg" -l "$dir/sock/pg.log" -w -t 30 -o \
	    "-p $port -k $dir/sock -c listen_addresses='' -c fsync=off -c max_connections=200" \
	    start >/dev/null || { cat "$dir/sock/pg.log" >&2; return 1; }
	psql -X -h "$dir/sock" -p "$port" -U postgres -qc \
	    "CREATE DATABASE cpassport_template" postgres || return 1
	cat >"$dir/cpassport.conf" <<CONF
database = host=$dir/sock port=$port dbname=cpassport_template user=postgres
signing_key = $dir/signing.pem
CONF
	CPASSPORT_CONFIG=$dir/cpassport.conf CPASSPORT_SQLDIR=$sqldir \
	    "$cpassport" migrate >/dev/null || return 1
	CPASSPORT_CONFIG=$dir/cpassport.conf "$cpassport" keys >/dev/null || return 1
	printf 'EP_PGHOST=%s\nEP_PGPORT=%s\nEP_KEY=%s\n' "$dir/sock" "$port" \
	    "$dir/signing.pem" >"$dir/env"
}

stop() {
	local dir=$1
	[ -d "$dir/pg" ] && as_pg "$PGBIN/pg_ctl" -D "$dir/pg" -m immediate -w \
	    stop >/dev/null 2>&1
	rm -rf "$dir"
}

case "${1:-}" in
start) [ $# -eq 4 ] && start "$2" "$3" "$4" ;;
stop) [ $# -eq 2 ] && stop "$2" ;;
*) echo "usage: cluster.sh start DIR CPASSPORT SQLDIR | stop DIR" >&2; exit 2 ;;
esac
