# Shared by the integration tests: the stack of scripts/stack.sh (a
# private PostgreSQL cluster, lighttpd on a loopback port with the example
# config) in a temp dir, on free ports, and TAP helpers.  Source it; call
# stack_start; the EXIT trap stops everything this script started
# (lighttpd by its session).
set -u

: "${srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${builddir:=$srcdir}"
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
CPASSPORT="$builddir/src/cpassport"
WORK=$(mktemp -d /tmp/cpassport-test.XXXXXX)
chmod 755 "$WORK"
CONF="$WORK/cpassport.conf"
export CPASSPORT_CONFIG="$CONF" CPASSPORT_SQLDIR="$srcdir/sql"
. "$srcdir/scripts/stack.sh"

tap_n=0
ok() {	# ok CONDITION-STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $tap_n - $2"; else echo "not ok $tap_n - $2"; fi
}
check() {	# check DESCRIPTION COMMAND...: ok when the command succeeds
	local d=$1; shift
	if "$@"; then ok 0 "$d"; else ok 1 "$d"; fi
}
# A sanitizer report in any log of this run (FastCGI processes log through
# lighttpd, CGI runs to cgi.log) fails the run.
sanitizer_check() {
	! grep -qsE 'Sanitizer|runtime error:' "$WORK/lighttpd.log" "$WORK/cgi.log"
}
done_testing() {
	check "sanitizers: no AddressSanitizer/UBSan/LeakSanitizer report" sanitizer_check
	echo "1..$tap_n"
}

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# tls_make: a CA of this run's own and a certificate it signs for
# 127.0.0.1 (WORK/tls); lighttpd serves it (LIGHTTPD_TLS_PEM), curl and
# node trust the CA (CURL_CA_BUNDLE, NODE_EXTRA_CA_CERTS) and nothing else.
tls_make() {
	local d="$WORK/tls"
	mkdir -p "$d"
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	    -days 1 -subj "/CN=cpassport test CA" -keyout "$d/ca.key" \
	    -out "$d/ca.pem" -addext basicConstraints=critical,CA:TRUE \
	    -addext keyUsage=critical,keyCertSign 2>/dev/null || return 1
	openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
	    -subj "/CN=127.0.0.1" -keyout "$d/server.key" -out "$d/server.csr" \
	    2>/dev/null || return 1
	printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$d/ext"
	openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" \
	    -CAcreateserial -days 1 -extfile "$d/ext" -out "$d/server.crt" \
	    2>/dev/null || return 1
	cat "$d/server.crt" "$d/server.key" >"$d/server.pem"
	LIGHTTPD_TLS_PEM="$d/server.pem"
	CURL_CA_BUNDLE="$d/ca.pem" NODE_EXTRA_CA_CERTS="$d/ca.pem"
	export CURL_CA_BUNDLE NODE_EXTRA_CA_CERTS
}

# stack_start [extra config lines]: with STACK_TLS=1, over TLS (tls_make)
# and the issuer https.
stack_start() {
	PGPORT=$(free_port)
	HTTP_PORT=$(free_port)
	BASE="http://127.0.0.1:$HTTP_PORT"
	if [ "${STACK_TLS:-0}" = 1 ]; then
		tls_make || { echo "# tls_make failed" >&2; return 1; }
		BASE="https://127.0.0.1:$HTTP_PORT"
	fi
	pg_init || return 1
	pg_start || { cat "$WORK/pgsock/pg.log" >&2; return 1; }
	pg_createdb || return 1
	cat >"$CONF" <<CONF
database = host=$WORK/pgsock port=$PGPORT dbname=cpassport user=postgres connect_timeout=5
issuer = $BASE
signing_key = $WORK/signing.pem
access_token_lifetime = 900
refresh_token_lifetime = 86400
bcrypt_cost = ${BCRYPT_COST:-4}
${1:-}
CONF
	"$CPASSPORT" migrate >/dev/null || return 1
	"$CPASSPORT" keys >/dev/null || return 1
	lighttpd_start
}

psql_q() {	# psql_q SQL: one unaligned value
	psql -X -h "$WORK/pgsock" -p "$PGPORT" -U postgres -d cpassport -Atqc "$1"
}

stack_stop() {
	lighttpd_stop
	[ -d "$WORK/pg" ] && pg_stop immediate
	if [ "${KEEP_WORK:-0}" = 1 ]; then echo "# kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap stack_stop EXIT

# post [curl args...]: POST to /oauth/token; body in $WORK/body, headers in
# $WORK/headers; prints the status.
post() {
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' \
	    -X POST "$BASE/oauth/token" "$@"
}
json() { jq -r "$1" "$WORK/body"; }
header() {	# header NAME: its value in the last response, CR stripped
	grep -i "^$1:" "$WORK/headers" | head -1 | cut -d: -f2- | sed 's/^ //; s/\r$//'
}
b64url_json() {	# decode one JWT segment
	local s=$(printf '%s' "$1" | tr '_-' '/+')
	case $(( ${#s} % 4 )) in 2) s="$s==" ;; 3) s="$s=" ;; esac
	printf '%s' "$s" | base64 -d
}

# Helpers for the token lifecycle tests.
new_client() {	# new_client ARGS...: sets ID and SECRET from `cpassport client`
	local out
	out=$("$CPASSPORT" client "$@") || return 1
	ID=$(sed -n 's/^Client ID: //p' <<<"$out")
	SECRET=$(sed -n 's/^Client secret: //p' <<<"$out")
}
claims() { b64url_json "$(cut -d. -f2 <<<"$1")"; }
# get PATH [curl args]: GET with body/headers saved like post; prints status.
get() {
	local path=$1; shift
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$@" "$BASE$path"
}
# form PATH [curl args]: POST a form to PATH; prints status.
form() {
	local path=$1; shift
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X POST "$@" "$BASE$path"
}
is() {	# is GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then ok 0 "$3"; else echo "# got '$1', want '$2'"; ok 1 "$3"; fi
}

# fold_tap NAME COMMAND...: run a program that prints "ok"/"not ok" lines
# (no plan) and renumber them into this stream; anything else it prints, a
# traceback included, becomes a TAP comment; a non-zero exit is one more
# failing line.
fold_tap() {
	local name=$1 line; shift
	while IFS= read -r line; do
		case $line in
		"ok "*) ok 0 "${line#* - }" ;;
		"not ok "*) ok 1 "${line#* - }" ;;
		"#"*) echo "$line" ;;
		"fold_tap exit 0") ;;
		"fold_tap exit "*) ok 1 "$name: ran to the end (${line#fold_tap })" ;;
		*) echo "# $line" ;;
		esac
	done < <("$@" 2>&1; echo "fold_tap exit $?")
}
