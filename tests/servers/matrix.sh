#!/bin/bash
# The web-server matrix: each deployment example in httpd-examples/ served
# by its real web server on a loopback port, configured from the example
# text with only ports and paths replaced (tests/servers/httpd-conf), and
# the same flows through each with curl:
#   lighttpd (mod_fastcgi, what stack_start does), Apache + mod_fcgid,
#   Apache + mod_proxy_fcgi + spawn-fcgi, nginx + spawn-fcgi,
#   Apache + mod_cgid running the programs as plain CGI (.htaccess).
# Then trust_remote_user (RFC 3875 §4.1.1): through nginx, a forged Basic
# header signs nobody in, the example's auth_request lines sign in the
# SSO's user; Apache's and lighttpd's own Basic auth still sign users in.
# Then process life on lighttpd and on mod_fcgid, the two that supervise
# the programs: max_requests, SIGTERM with a request in hand.  A web server
# that is missing fails its lines (scripts/deps installs them all); nothing
# is skipped.  The servers start without CPASSPORT_CONFIG in their
# environment: the programs get it from the example config or nowhere.
. "$(dirname "$0")/../integration/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
EXAMPLES="$srcdir/httpd-examples"
LIBEXEC="$builddir/cgi-bin"

# Everything started here, stopped on the way out: each server in a
# session of its own, ended whole (scripts/server-session.sh), and the
# programs spawn-fcgi started (each in a session of its own) by their PID
# files.
SERVER_PIDS=()
PIDFILES=()
descendants() {	# descendants PID: every process below PID
	local c
	for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done
}
pidfile_pids() { cat "$@" 2>/dev/null | grep -E '^[0-9]+$'; }
servers_stop() {
	local p f
	for p in "${SERVER_PIDS[@]}"; do session_stop "$p"; done
	SERVER_PIDS=()
	for f in "${PIDFILES[@]}"; do
		# shellcheck disable=SC2046
		kill $(pidfile_pids "$f") 2>/dev/null
	done
	PIDFILES=()
}
trap 'servers_stop; stack_stop' EXIT

stack_start "allow_plain_http = true
default_scope = read" || { echo "Bail out! stack did not start"; exit 1; }
ISSUER=$BASE
LIGHTTPD_BASE=$BASE

# As root the other servers run the programs as www-data, which must read
# the config and the signing keys (signing.pem and the RS256 key beside
# it), as in a real deployment.
if [ "$(id -u)" -eq 0 ]; then
	chgrp www-data "$CONF" "$WORK/signing.pem" "$WORK/signing.pem.rs256"
	chmod 640 "$CONF" "$WORK/signing.pem" "$WORK/signing.pem.rs256"
fi

for s in read write; do "$CPASSPORT" scope add $s "Read or write $s things" >/dev/null; done
echo 'pw one' | "$CPASSPORT" user add --email alice@example.com --name Alice --scopes read,write >/dev/null
ALICE=$(psql_q "SELECT id FROM users WHERE email = 'alice@example.com'")
new_client --name "Password app" --password; PW_ID=$ID PW_SECRET=$SECRET
new_client --name "Service" --client; CC_ID=$ID CC_SECRET=$SECRET
CB=https://app.example/cb
# Every server walks the consent screen: none remembers the last approval.
new_client --name "Web app" --redirect "$CB" --redirect "$ISSUER/callback" --no-remember-consent; WEB_ID=$ID WEB_SECRET=$SECRET
printf 'callback_client_id = %s\ncallback_client_secret = %s\ncallback_scope = read\n' \
    "$WEB_ID" "$WEB_SECRET" >>"$CONF"
# lighttpd passes its own environment on to the programs: a wrong path
# there shows that the example's bin-environment is what they use.
NO_CONFIG=/nonexistent/cpassport.conf
lighttpd_stop
CPASSPORT_CONFIG=$NO_CONFIG lighttpd_start || { echo "Bail out! lighttpd did not restart"; exit 1; }
JAR="$WORK/jar"

# --- starting and stopping the servers ---------------------------------------
wait_http() {	# wait_http BASE PID: until BASE answers, while PID lives
	for _ in $(seq 200); do
		kill -0 "$2" 2>/dev/null || return 1
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$1/.well-known/jwks.json")" != 000 ] && return 0
		sleep 0.05
	done
	return 1
}
apache_start() {	# apache_start KIND STATE: sets BASE, SERVER_PID
	local kind=$1 state=$2 port
	[ -x /usr/sbin/apache2 ] || { echo "# /usr/sbin/apache2 is missing" >&2; return 1; }
	port=$(free_port); BASE="http://127.0.0.1:$port"
	mkdir -p "$state"
	"$HERE/httpd-conf" "$kind" "$port" "$state" "$LIBEXEC" "$CONF" >"$state/httpd.conf" || return 1
	CPASSPORT_CONFIG=$NO_CONFIG session_start /usr/sbin/apache2 -d "$state" -f "$state/httpd.conf" \
	    -DFOREGROUND 2>>"$state/error.log"
	SERVER_PID=$SESSION_PID; SERVER_PIDS+=("$SERVER_PID")
	wait_http "$BASE" "$SERVER_PID" || { echo "# $kind did not start:" >&2; sed 's/^/#   /' "$state/error.log" >&2; return 1; }
}
nginx_start() {	# nginx_start STATE: sets BASE, SERVER_PID
	local state=$1 port
	[ -x /usr/sbin/nginx ] || { echo "# /usr/sbin/nginx is missing" >&2; return 1; }
	port=$(free_port); BASE="http://127.0.0.1:$port"
	mkdir -p "$state"
	"$HERE/httpd-conf" nginx "$port" "$state" "$LIBEXEC" "$CONF" >"$state/nginx.conf" || return 1
	CPASSPORT_CONFIG=$NO_CONFIG session_start /usr/sbin/nginx -p "$state" -c "$state/nginx.conf" \
	    -e "$state/error.log" 2>>"$state/error.log"
	SERVER_PID=$SESSION_PID; SERVER_PIDS+=("$SERVER_PID")
	wait_http "$BASE" "$SERVER_PID" || { echo "# nginx did not start:" >&2; sed 's/^/#   /' "$state/error.log" >&2; return 1; }
}
spawn_start() {	# spawn_start STATE: the programs on STATE/run/*.sock (the example script)
	local state=$1 p
	command -v spawn-fcgi >/dev/null || { echo "# spawn-fcgi is missing" >&2; return 1; }
	mkdir -p "$state/run"
	for p in token authorize callback revoke introspect user discovery; do
		PIDFILES+=("$state/run/$p.pid")
	done
	CPASSPORT_LIBEXEC="$LIBEXEC" CPASSPORT_CONFIG="$CONF" CPASSPORT_RUN="$state/run" \
	    CPASSPORT_USER=www-data CPASSPORT_PROCS=2 CPASSPORT_LOG="$state/programs.log" \
	    "$EXAMPLES/spawn-fcgi/start" >>"$state/spawn-fcgi.log" 2>&1 ||
	    { sed 's/^/#   /' "$state/spawn-fcgi.log" >&2; return 1; }
}

# --- the flows, one TAP line each --------------------------------------------
browse() {	# browse PATH [curl args]: with the cookie jar; prints the status
	local path=$1; shift
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -b "$JAR" -c "$JAR" "$@" "$BASE$path"
}
field() {	# field NAME: a hidden input's value in the last page
	sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" "$WORK/body" | head -1 |
	    sed 's/&amp;/\&/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g'
}
qparam() {	# qparam NAME URL
	python3 -c 'import sys,urllib.parse as u; q=u.parse_qs(u.urlsplit(sys.argv[2]).query); print(q.get(sys.argv[1],[""])[0])' "$1" "$2"
}
at_path() {	# at_path PATH [curl args]: POST a form to PATH with body/headers kept
	local path=$1; shift
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X POST "$@" "$BASE$path"
}
password_grant() {
	post -u "$PW_ID:$PW_SECRET" -d grant_type=password --data-urlencode username=alice@example.com \
	    --data-urlencode 'password=pw one' --data-urlencode 'scope=read write'
}
cc_grant() { post -u "$CC_ID:$CC_SECRET" -d grant_type=client_credentials -d scope=read; }

# A POST that says 100 bytes, sends 10 and hangs up (raw, with bash's
# /dev/tcp), to PATH on BASE.
truncated_post() {
	local hostport=${BASE#http://}
	exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}" || return 1
	printf 'POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngrant_type' \
	    "$1" "$hostport" >&3
	sleep 0.1
	exec 3>&- 3<&-
}

FLOWS=(
	"password grant (Basic)"
	"client_credentials (Basic)"
	"refresh_token rotates"
	"introspection (Basic)"
	"/api/user with a Bearer token"
	"revocation (Basic) ends the token family"
	"error status and WWW-Authenticate pass through"
	"authorization code flow (login form, consent, approve, code, token)"
	"every URL reaches its program (metadata, JWKS with both keys, /oauth/request, /oauth/logout, /callback/start, /oauth/userinfo, openid-configuration)"
	"a truncated POST body, then good requests: all 200"
)
fail_all() {	# fail_all SERVER: the server did not start; every flow fails
	local f
	for f in "${FLOWS[@]}"; do ok 1 "$1: $f"; done
}

flows() {	# flows SERVER: every flow through $BASE
	local s=$1 status at rt at2 rt2 loc code good i
	status=$(password_grant)
	at=$(json .access_token); rt=$(json .refresh_token)
	ok $([ "$status" = 200 ] && [ "$(json .scope)" = "read write" ] && [ "$rt" != null ] &&
	    [ "$(claims "$at" | jq -r .sub)" = "$ALICE" ]; echo $?) "$s: ${FLOWS[0]}"

	status=$(cc_grant)
	ok $([ "$status" = 200 ] && [ "$(claims "$(json .access_token)" | jq -r .client_id)" = "$CC_ID" ] &&
	    [ "$(json .refresh_token)" = null ]; echo $?) "$s: ${FLOWS[1]}"

	status=$(post -u "$PW_ID:$PW_SECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$rt")
	at2=$(json .access_token); rt2=$(json .refresh_token)
	ok $([ "$status" = 200 ] && [ "$rt2" != null ] && [ "$rt2" != "$rt" ] && [ "$at2" != null ]; echo $?) "$s: ${FLOWS[2]}"

	status=$(at_path /oauth/introspect -u "$PW_ID:$PW_SECRET" --data-urlencode "token=$at2")
	ok $([ "$status" = 200 ] && [ "$(json .active)" = true ] && [ "$(json .client_id)" = "$PW_ID" ] &&
	    [ "$(json .username)" = alice@example.com ]; echo $?) "$s: ${FLOWS[3]}"

	status=$(get /api/user -H "Authorization: Bearer $at2")
	ok $([ "$status" = 200 ] && [ "$(json .email)" = alice@example.com ]; echo $?) "$s: ${FLOWS[4]}"

	status=$(at_path /oauth/revoke -u "$PW_ID:$PW_SECRET" --data-urlencode "token=$rt2")
	ok $([ "$status" = 200 ] && [ "$(at_path /oauth/introspect -u "$PW_ID:$PW_SECRET" \
	    --data-urlencode "token=$at2")" = 200 ] && [ "$(json .active)" = false ] &&
	    [ "$(get /api/user -H "Authorization: Bearer $at2")" = 401 ]; echo $?) "$s: ${FLOWS[5]}"

	status=$(post -u "$PW_ID:wrong" -d grant_type=client_credentials)
	ok $([ "$status" = 401 ] && [ "$(json .error)" = invalid_client ] && header WWW-Authenticate | grep -q '^Basic' &&
	    [ "$(get /api/user)" = 401 ] && header WWW-Authenticate | grep -q '^Bearer' &&
	    [ "$(get /oauth/token)" = 405 ] && [ "$(header Allow)" = POST ]; echo $?) "$s: ${FLOWS[6]}"

	# The authorization code flow, following the forms.
	rm -f "$JAR"
	code=
	if [ "$(browse "/oauth/authorize?response_type=code&client_id=$WEB_ID&redirect_uri=$(jq -rn --arg u "$CB" '$u|@uri')&scope=read%20write&state=st-1")" = 200 ] &&
	    [ "$(browse /oauth/authorize -X POST --data-urlencode action=login --data-urlencode "request=$(field request)" \
		--data-urlencode "login_token=$(field login_token)" --data-urlencode email=alice@example.com --data-urlencode 'password=pw one')" = 303 ] &&
	    loc=$(header Location) && [ "$(browse "$loc")" = 200 ] && grep -q 'Web app' "$WORK/body" &&
	    [ "$(browse /oauth/authorize -X POST --data-urlencode action=approve --data-urlencode "request=$(field request)" \
		--data-urlencode "csrf_token=$(field csrf_token)")" = 302 ] &&
	    loc=$(header Location) && [[ "$loc" == "$CB?"* ]] && [ "$(qparam state "$loc")" = st-1 ]; then
		code=$(qparam code "$loc")
	fi
	ok $([ -n "$code" ] &&
	    [ "$(post -u "$WEB_ID:$WEB_SECRET" -d grant_type=authorization_code --data-urlencode "code=$code" \
		--data-urlencode "redirect_uri=$CB")" = 200 ] && [ "$(json .scope)" = "read write" ] &&
	    [ "$(get /api/user -H "Authorization: Bearer $(json .access_token)")" = 200 ] &&
	    [ "$(json .email)" = alice@example.com ]; echo $?) "$s: ${FLOWS[7]}"

	# Each URL to its program: the programs route on REQUEST_URI.
	ok $([ "$(get /.well-known/oauth-authorization-server)" = 200 ] && [ "$(json .issuer)" = "$ISSUER" ] &&
	    [ "$(get /.well-known/jwks.json)" = 200 ] && [ "$(json '.keys | length')" -eq 2 ] &&
	    [ "$(get "/oauth/request?client=$WEB_ID")" = 302 ] && [[ "$(header Location)" == *"/oauth/authorize?"*"client_id=$WEB_ID"* ]] &&
	    [ "$(get /oauth/logout)" = 200 ] && grep -q 'Not signed in' "$WORK/body" &&
	    [ "$(get /callback/start)" = 302 ] && [[ "$(header Location)" == "$ISSUER/oauth/authorize?"*code_challenge=* ]] &&
	    [ "$(get /oauth/userinfo -H "Authorization: Bearer $(cc_grant >/dev/null; json .access_token)")" = 401 ] &&
	    [ "$(json .error_description)" = "the access token does not represent a user" ] &&
	    [ "$(get /oauth/userinfo -X POST -d access_token=x.y.z)" = 401 ] && [ "$(json .error)" = invalid_token ] &&
	    [ "$(get /.well-known/openid-configuration)" = 200 ] && [ "$(json .issuer)" = "$ISSUER" ] &&
	    [ "$(json .userinfo_endpoint)" = "$ISSUER/oauth/userinfo" ]
	    echo $?) "$s: ${FLOWS[8]}"

	# A client that hangs up in the middle of its body must not leave a
	# program stuck: every process answers the next ones.
	for i in 1 2 3 4; do truncated_post /oauth/token; done
	good=0
	for i in $(seq 8); do [ "$(cc_grant)" = 200 ] && good=$((good + 1)); done
	is "$good" 8 "$s: ${FLOWS[9]}"
}

# stopped_clean NAME PREFIX...: once stopped, none of the server's
# processes (the server, its workers, the programs it or spawn-fcgi
# started) is left: none names or holds a file or socket under PREFIX.
stopped_clean() {
	local name=$1 left; shift
	for _ in $(seq 40); do left=$(processes_under "$@"); [ -z "$left" ] && break; sleep 0.05; done
	ok $([ -z "$left" ]; echo $?) "$name: once stopped, none of its processes is left (left: $(echo $left))"
}

elapsed() { python3 -c 'import sys; print("%.1f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$1" "$EPOCHREALTIME"; }

# --- the matrix -----------------------------------------------------------------
t0=$EPOCHREALTIME
BASE=$LIGHTTPD_BASE
flows lighttpd
echo "# lighttpd: $(elapsed "$t0") s"

for kind in apache-fcgid apache-proxy-fcgi nginx apache-cgi; do
	t0=$EPOCHREALTIME
	state="$WORK/$kind"
	case $kind in
	apache-fcgid) name="apache+mod_fcgid"; apache_start "$kind" "$state" ;;
	apache-proxy-fcgi) name="apache+mod_proxy_fcgi+spawn-fcgi"
		spawn_start "$state" && apache_start "$kind" "$state" ;;
	nginx) name="nginx+spawn-fcgi"; spawn_start "$state" && nginx_start "$state" ;;
	apache-cgi) name="apache+mod_cgid (CGI)"; apache_start "$kind" "$state" ;;
	esac
	if [ $? -eq 0 ]; then
		flows "$name"
		[ "$kind" = apache-cgi ] && ok $([ "$(get /token.fcgi)" = 404 ] &&
		    [ "$(get /authorize.fcgi?x=1)" = 404 ]; echo $?) \
		    "$name: the programs answer only at their URLs (/token.fcgi is 404)"
	else
		fail_all "$name"
		[ "$kind" = apache-cgi ] && ok 1 "$name: the programs answer only at their URLs (/token.fcgi is 404)"
	fi
	echo "# $name: started and tested in $(elapsed "$t0") s"
	t1=$EPOCHREALTIME
	servers_stop
	echo "# $name: stopped in $(elapsed "$t1") s"
	stopped_clean "$name" "$state"
done

# --- trust_remote_user: only the web server's own authentication -------------
# RFC 3875 §4.1.1: REMOTE_USER counts only with AUTH_TYPE.  nginx's stock
# fastcgi_params passes $remote_user, decoded from the client's own
# Authorization: Basic header whether or not auth_basic ran.  The programs
# run with trust_remote_user = true; alice is the victim a client names.
RU_CONF="$WORK/trust-remote-user.conf"
{ cat "$CONF"; echo "trust_remote_user = true"; } >"$RU_CONF"
if [ "$(id -u)" -eq 0 ]; then chgrp www-data "$RU_CONF"; chmod 640 "$RU_CONF"; fi
echo 'pw carol' | "$CPASSPORT" user add --email carol@example.com --name Carol --scopes read >/dev/null
RU_Q="response_type=code&client_id=$WEB_ID&redirect_uri=$(jq -rn --arg u "$CB" '$u|@uri')&state=ru"
FORGED="Authorization: Basic $(printf 'alice@example.com:anything' | base64)"
ru_get() {	# ru_get [curl args]: GET /oauth/authorize?RU_Q; body/headers kept; prints the status
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$@" "$BASE/oauth/authorize?$RU_Q"
}
signed_in_as() {	# signed_in_as EMAIL [curl args]: a session starts, and its consent page names EMAIL
	local email=$1 status cookie; shift
	status=$(ru_get "$@")
	cookie=$(header Set-Cookie | sed -n 's/^\(cpassport_session=[^;]*\).*/\1/p')
	[ "$status" = 303 ] && [ -n "$cookie" ] || return 1
	[ "$(ru_get "$@" -b "$cookie")" = 200 ] && grep -q 'id="approve"' "$WORK/body" &&
	    grep -q "Signed in as $email\." "$WORK/body"
}
refused() {	# refused [curl args]: 403 and no session
	[ "$(ru_get "$@")" = 403 ] && ! header Set-Cookie | grep -q cpassport_session
}
ru_nginx() {	# ru_nginx STATE EDIT: nginx on the example as EDIT leaves it
	local state=$1 edit=$2 port
	[ -x /usr/sbin/nginx ] || { echo "# /usr/sbin/nginx is missing" >&2; return 1; }
	port=$(free_port); BASE="http://127.0.0.1:$port"
	"$HERE/httpd-conf" nginx "$port" "$state" "$LIBEXEC" "$RU_CONF" >"$state/nginx.conf" || return 1
	"$edit" "$state"
	CPASSPORT_CONFIG=$NO_CONFIG session_start /usr/sbin/nginx -p "$state" -c "$state/nginx.conf" \
	    -e "$state/error.log" 2>>"$state/error.log"
	SERVER_PID=$SESSION_PID; SERVER_PIDS+=("$SERVER_PID")
	wait_http "$BASE" "$SERVER_PID" || { echo "# nginx did not start:" >&2; sed 's/^/#   /' "$state/error.log" >&2; return 1; }
}
as_shipped() { :; }
stock_params() {	# the override lines gone: fastcgi_params alone
	sed -i '/fastcgi_param REMOTE_USER "";/d; /fastcgi_param AUTH_TYPE "";/d' "$1/cpassport.conf"
}
AUTH_PORT=$(free_port)
with_auth_request() {	# the example's commented auth_request lines, and an SSO service
	sed -i -E 's/^(\s*)#([^ ])/\1\2/; s|http://127\.0\.0\.1:9000/|http://127.0.0.1:'"$AUTH_PORT"'/|' "$1/cpassport.conf"
	# The single sign-on service: its ticket cookie names carol.
	sed -i '$d' "$1/nginx.conf"
	cat >>"$1/nginx.conf" <<CONF
	server {
		listen 127.0.0.1:$AUTH_PORT;
		location = /auth {
			if (\$cookie_sso = "carol-ticket") {
				add_header X-User carol@example.com;
				return 204;
			}
			return 401;
		}
	}
}
CONF
}
state="$WORK/nginx-remote-user"
name="nginx+spawn-fcgi, trust_remote_user"
if CONF=$RU_CONF spawn_start "$state" && ru_nginx "$state" as_shipped; then
	check "trust-remote-user-forged-basic: $name, the shipped example: Authorization: Basic naming alice signs nobody in (403, no session)" \
	    refused -H "$FORGED"
	session_stop "$SERVER_PID"
else
	ok 1 "trust-remote-user-forged-basic: $name (did not start)"
fi
if ru_nginx "$state" stock_params; then
	check "trust-remote-user-stock-params: $name, stock fastcgi_params only (REMOTE_USER \$remote_user, no AUTH_TYPE): the forged Basic user is refused" \
	    refused -H "$FORGED"
	session_stop "$SERVER_PID"
else
	ok 1 "trust-remote-user-stock-params: $name (did not start)"
fi
if ru_nginx "$state" with_auth_request; then
	ok $([ "$(ru_get)" = 401 ] && signed_in_as carol@example.com -b sso=carol-ticket; echo $?) \
	    "trust-remote-user-auth-request: $name, the example's auth_request lines: the user the SSO service names is signed in (no ticket: its 401)"
	check "trust-remote-user-auth-request-forged-basic: $name, auth_request: a forged Basic header naming alice still signs in the SSO's user" \
	    signed_in_as carol@example.com -b sso=carol-ticket -H "$FORGED"
else
	ok 1 "trust-remote-user-auth-request: $name (did not start)"
	ok 1 "trust-remote-user-auth-request-forged-basic: $name (did not start)"
fi
servers_stop
stopped_clean "$name" "$state"

# Apache's own authentication sets AUTH_TYPE: it still signs the user in.
ru_apache_auth() {	# the fcgid example, /oauth/authorize behind AuthType Basic
	htpasswd -bc "$1/htpasswd" carol@example.com 'apache pw' 2>/dev/null
	[ "$(id -u)" -eq 0 ] && chgrp www-data "$1/htpasswd" && chmod 640 "$1/htpasswd"
	cat >>"$1/httpd.conf" <<CONF
LoadModule authn_core_module /usr/lib/apache2/modules/mod_authn_core.so
LoadModule authn_file_module /usr/lib/apache2/modules/mod_authn_file.so
LoadModule auth_basic_module /usr/lib/apache2/modules/mod_auth_basic.so
LoadModule authz_user_module /usr/lib/apache2/modules/mod_authz_user.so
<Location /oauth/authorize>
	AuthType Basic
	AuthName cpassport
	AuthUserFile $1/htpasswd
	Require valid-user
</Location>
CONF
}
state="$WORK/apache-remote-user"
name="apache+mod_fcgid, trust_remote_user"
mkdir -p "$state"
port=$(free_port); BASE="http://127.0.0.1:$port"
if "$HERE/httpd-conf" apache-fcgid "$port" "$state" "$LIBEXEC" "$RU_CONF" >"$state/httpd.conf" &&
    ru_apache_auth "$state" &&
    CPASSPORT_CONFIG=$NO_CONFIG session_start /usr/sbin/apache2 -d "$state" -f "$state/httpd.conf" \
	-DFOREGROUND 2>>"$state/error.log" && SERVER_PIDS+=("$SESSION_PID") &&
    wait_http "$BASE" "$SESSION_PID"; then
	ok $([ "$(ru_get -u 'carol@example.com:wrong')" = 401 ] &&
	    signed_in_as carol@example.com -u 'carol@example.com:apache pw'; echo $?) \
	    "trust-remote-user-apache-auth: $name, AuthType Basic on /oauth/authorize: the user Apache authenticated is signed in (a wrong password: Apache's 401)"
else
	sed 's/^/#   /' "$state/error.log" >&2
	ok 1 "trust-remote-user-apache-auth: $name (did not start)"
fi
servers_stop
stopped_clean "$name" "$state"

# lighttpd's mod_auth sets AUTH_TYPE too.
state="$WORK/lighttpd-remote-user"
name="lighttpd, trust_remote_user"
mkdir -p "$state"
port=$(free_port); BASE="http://127.0.0.1:$port"
printf 'carol@example.com:lighttpd pw\n' >"$state/users"
if "$srcdir/scripts/lighttpd-conf" "$port" "$state" "$LIBEXEC" "$RU_CONF" >"$state/lighttpd.conf.example" && {
	# mod_auth before the example's mod_fastcgi, so it runs first.
	echo 'server.modules += ( "mod_auth", "mod_authn_file" )'
	cat "$state/lighttpd.conf.example"
	cat <<CONF
auth.backend = "plain"
auth.backend.plain.userfile = "$state/users"
auth.require = ( "/oauth/authorize" => ( "method" => "basic", "realm" => "cpassport", "require" => "valid-user" ) )
CONF
    } >"$state/lighttpd.conf" &&
    CPASSPORT_CONFIG=$NO_CONFIG session_start /usr/sbin/lighttpd -D -f "$state/lighttpd.conf" 2>>"$state/error.log" &&
    SERVER_PIDS+=("$SESSION_PID") && wait_http "$BASE" "$SESSION_PID"; then
	ok $([ "$(ru_get -u 'carol@example.com:wrong')" = 401 ] &&
	    signed_in_as carol@example.com -u 'carol@example.com:lighttpd pw'; echo $?) \
	    "trust-remote-user-lighttpd-auth: $name, mod_auth basic on /oauth/authorize: the user lighttpd authenticated is signed in (a wrong password: lighttpd's 401)"
else
	sed 's/^/#   /' "$state/error.log" "$state/lighttpd.log" >&2
	ok 1 "trust-remote-user-lighttpd-auth: $name (did not start)"
fi
servers_stop
stopped_clean "$name" "$state"

# --- process life ---------------------------------------------------------------
# token.fcgi processes below a server's PID (mod_fcgid's are grandchildren).
token_pids() {
	local p
	for p in $(descendants "$1"); do
		tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline" | grep -q '/token\.fcgi' && echo "$p"
	done | sort -n
}
gone() {	# gone PID...: each has exited (or is a zombie its server has yet to reap)
	local p st
	for p in "$@"; do
		st=$(ps -o stat= -p "$p" 2>/dev/null)
		[ -z "$st" ] || [[ "$st" == Z* ]] || return 1
	done
}
# A user whose password takes ~1 s of bcrypt (cost 14): a slow request.
SLOW_HASH=$(python3 -W ignore -c 'import crypt; print(crypt.crypt("slow pw", crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=2**14)))')
psql_q "INSERT INTO users (name, email, password, scopes) VALUES ('Slow', 'slow@example.com', '$SLOW_HASH', '{*}')" >/dev/null

process_life() {	# process_life SERVER ROOT_PID: with max_requests = 5 in the config
	local s=$1 root=$2 before seen good=0 i pids n nb status t
	before=$(token_pids "$root")
	nb=$(grep -c . <<<"$before")
	seen=$before
	for i in $(seq 12); do
		[ "$(cc_grant)" = 200 ] && good=$((good + 1))
		seen=$(printf '%s\n%s\n' "$seen" "$(token_pids "$root")" | grep . | sort -nu)
	done
	n=$(grep -c . <<<"$seen")
	echo "# $s: token.fcgi PIDs before: $(echo $before); seen during 12 requests: $(echo $seen)"
	# 12 requests, at most 5 a process: at least two processes replaced
	# (lighttpd starts 4 and sends to one; mod_fcgid starts them on demand).
	ok $([ "$good" = 12 ] && [ "$n" -ge $((nb + 2)) ]; echo $?) \
	    "$s: max_requests = 5: 12 token requests in a row all 200, processes replaced ($n distinct PIDs, $nb at first)"

	# SIGTERM to every token.fcgi while one is in the middle of a slow
	# password grant (the one running: bcrypt): the idle ones exit at once,
	# the busy one answers first, then exits.
	local cpid busy p alive
	pids=$(token_pids "$root")
	curl -s -o "$WORK/slow.body" -w '%{http_code} %{time_total}' -u "$PW_ID:$PW_SECRET" \
	    -d grant_type=password -d username=slow@example.com --data-urlencode 'password=slow pw' \
	    "$BASE/oauth/token" >"$WORK/slow.status" &
	cpid=$!
	sleep 0.2
	busy=$(for p in $pids; do [[ "$(ps -o stat= -p "$p")" == R* ]] && echo "$p"; done)
	# shellcheck disable=SC2086
	kill -TERM $pids
	# "At once": within half a second, however loaded the machine (under
	# ASan with other builds running an idle process took over 50 ms).
	for i in $(seq 10); do
		sleep 0.05
		alive=$(for p in $pids; do gone "$p" || echo "$p"; done)
		[ "$alive" != "$busy" ] || break
	done
	wait "$cpid"
	read -r status t <"$WORK/slow.status"
	for i in $(seq 40); do gone $pids && break; sleep 0.05; done
	echo "# $s: SIGTERM at 0.2 s to $(echo $pids) (running: $(echo $busy)); still alive after $((i * 50)) ms: $(echo $alive); the grant answered $status at ${t} s"
	# shellcheck disable=SC2086
	ok $([ "$status" = 200 ] && [ "$(jq -r .access_token "$WORK/slow.body")" != null ] &&
	    [ -n "$busy" ] && [ "$alive" = "$busy" ] &&
	    python3 -c 'import sys; sys.exit(float(sys.argv[1]) <= 0.25)' "$t" && gone $pids; echo $?) \
	    "$s: SIGTERM with a request in hand: that process answers it (200), then exits; idle ones exit at once"
	ok $([ "$(cc_grant)" = 200 ]; echo $?) "$s: the server starts new processes: the next request is 200"
}

sed -i '/^max_requests/d' "$CONF"
echo "max_requests = 5" >>"$CONF"
BASE=$LIGHTTPD_BASE
lighttpd_stop
CPASSPORT_CONFIG=$NO_CONFIG lighttpd_start || echo "# lighttpd did not restart" >&2
process_life lighttpd "$LIGHTTPD_PID"
# mod_fcgid too: the program ending itself (not FcgidMaxRequestsPerProcess).
if apache_start apache-fcgid "$WORK/apache-fcgid-life"; then
	process_life "apache+mod_fcgid" "$SERVER_PID"
else
	for _ in 1 2 3; do ok 1 "apache+mod_fcgid: process life (did not start)"; done
fi
servers_stop
stopped_clean "apache+mod_fcgid (after process life)" "$WORK/apache-fcgid-life"
# lighttpd re-spawned its programs through max_requests and SIGTERM above.
lighttpd_stop
stopped_clean lighttpd "$WORK/run" "$WORK/lighttpd"

# No sanitizer report in any server's error log either (an ASan build).
ok $(! grep -qsE 'Sanitizer|runtime error:' "$WORK"/*/error.log "$WORK"/*/programs.log; echo $?) \
    "servers: no AddressSanitizer/UBSan report in the servers' error logs"

done_testing
