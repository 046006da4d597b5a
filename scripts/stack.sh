# The stack cpassport runs on for the demo, the integration tests and
# bench/run, all in one directory: a private PostgreSQL cluster (never the
# system's) and lighttpd on loopback serving the FastCGI programs through
# httpd-examples/lighttpd, in a session of its own.  Source it (POSIX sh,
# safe under set -eu) with these set:
#
#   srcdir    the source tree            builddir  the build tree
#   WORK      the stack's directory: pg/ (the cluster), pgsock/ (its
#             socket and pg.log), lighttpd.conf, lighttpd.log, run/
#   PGBIN     PostgreSQL's programs      PGPORT    the cluster's port
#   HTTP_PORT lighttpd's port            CONF      the cpassport config
#   LIGHTTPD_TLS_PEM  (optional) serve TLS with this certificate and key
#
#   as_pg CMD...     CMD as the postgres user when run as root
#   pg_init          a cluster in WORK/pg, unless one is there
#   pg_start         start it (-w); pg_stop [MODE]: stop it (default fast)
#   pg_createdb      the database cpassport, unless it exists
#   lighttpd_start   lighttpd in its session, once it answers; LIGHTTPD_PID
#   lighttpd_stop    lighttpd and every FastCGI process of its session

# shellcheck disable=SC2154	# srcdir, builddir …: the caller's
. "$srcdir/scripts/server-session.sh"
LIGHTTPD_PID=

as_pg() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_init() {
	[ -f "$WORK/pg/PG_VERSION" ] && return 0
	mkdir -p "$WORK/pg" "$WORK/pgsock"
	chmod 700 "$WORK/pg"
	[ "$(id -u)" -ne 0 ] || chown postgres "$WORK/pg" "$WORK/pgsock"
	if ! as_pg test -w "$WORK/pg"; then
		echo "the postgres user cannot reach $WORK/pg; put it where" \
		    "every user can traverse (not under /root)" >&2
		return 1
	fi
	as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust \
	    -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 ||
	    { cat "$WORK/initdb.log" >&2; return 1; }
}

pg_start() {
	as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgsock/pg.log" -w -t 30 \
	    -o "-p $PGPORT -k $WORK/pgsock -c listen_addresses=''" start >/dev/null
}
pg_stop() {
	as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m "${1:-fast}" -w stop >/dev/null 2>&1
}

pg_createdb() {
	psql -X -h "$WORK/pgsock" -p "$PGPORT" -U postgres -Atqc \
	    "SELECT 1 FROM pg_database WHERE datname = 'cpassport'" postgres |
	    grep -q 1 && return 0
	psql -X -h "$WORK/pgsock" -p "$PGPORT" -U postgres -qc \
	    "CREATE DATABASE cpassport" postgres
}

lighttpd_start() {
	"$srcdir/scripts/lighttpd-conf" "$HTTP_PORT" "$WORK" "$builddir/cgi-bin" \
	    "$CONF" ${LIGHTTPD_TLS_PEM:+"$LIGHTTPD_TLS_PEM"} >"$WORK/lighttpd.conf" ||
	    return 1
	session_start /usr/sbin/lighttpd -D -f "$WORK/lighttpd.conf" 2>>"$WORK/lighttpd.log"
	LIGHTTPD_PID=$SESSION_PID
	_url=http://127.0.0.1:$HTTP_PORT/
	[ -z "${LIGHTTPD_TLS_PEM:-}" ] || _url=https://127.0.0.1:$HTTP_PORT/
	for _ in $(seq 100); do
		curl -sk -o /dev/null "$_url" && return 0
		sleep 0.05
	done
	echo "# lighttpd did not start; see $WORK/lighttpd.log" >&2
	return 1
}

# Stop lighttpd and every FastCGI process of its session: those it
# re-spawned, and those it left when it died (scripts/server-session.sh).
lighttpd_stop() {
	[ -n "$LIGHTTPD_PID" ] || return 0
	session_stop "$LIGHTTPD_PID"
	LIGHTTPD_PID=
}
