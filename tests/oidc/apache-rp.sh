#!/bin/bash
# Apache + mod_auth_openidc (libapache2-mod-auth-openidc)
# as an OpenID Connect relying party of cpassport, configured from the
# shipped httpd-examples/apache/mod_auth_openidc.conf with only its Define
# values set (tests/servers/httpd-conf apache-openidc) and from cpassport's
# discovery document.  /private/ is a CGI printing the claims Apache hands
# it.  Headless Chromium (apache_rp_browser.py, whose "ok"/"not ok" lines
# join this stream) opens /private/, signs in at cpassport, approves, sees
# the email and a custom claim, signs out through cpassport's
# end_session_endpoint and is asked to sign in again (and, signing in,
# is not asked to consent again).  Screenshots stay in
# $builddir/tests/oidc/artifacts.  A missing Apache, module or browser
# fails, never skips.
. "$(dirname "$0")/../integration/lib.sh"
HTTPD_CONF="$srcdir/tests/servers/httpd-conf"
PY=/usr/bin/python3	# Debian's, with python3-selenium
ARTIFACTS="$builddir/tests/oidc/artifacts"
mkdir -p "$ARTIFACTS"

SERVER_PID=
apache_stop() { [ -n "$SERVER_PID" ] && session_stop "$SERVER_PID"; SERVER_PID=; }
trap 'apache_stop; stack_stop' EXIT

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] ||
    ! "$PY" -c 'import selenium' 2>/dev/null; then
	echo "Bail out! needs Debian's chromium, chromium-driver and python3-selenium (scripts/deps)"
	exit 1
fi

# The custom claim: "department", released with the scope "org".
stack_start "allow_plain_http = true
claim = department org" || { echo "Bail out! stack did not start"; exit 1; }
ISSUER=$BASE
"$CPASSPORT" scope add org "see your department" >/dev/null
echo 'correct horse' | "$CPASSPORT" user add --email alice@example.com --name Alice \
    --scopes openid,email,profile,org >/dev/null
ALICE=$(psql_q "SELECT id FROM users WHERE email = 'alice@example.com'")
"$CPASSPORT" user claim "$ALICE" department=Engineering >/dev/null

rp_client() {	# rp_client NAME [cpassport client args]: RP_PORT, RP, RP_ID, RP_SECRET
	local name=$1; shift
	RP_PORT=$(free_port); RP="http://127.0.0.1:$RP_PORT"
	new_client --name "$name" --redirect "$RP/private/redirect_uri" \
	    --post-logout-redirect "$RP/loggedout.html" "$@"; RP_ID=$ID RP_SECRET=$SECRET
}

apache_start() {	# apache_start STATE: the example on RP_PORT; /private/index.cgi prints the claims
	local state="$WORK/$1"
	[ -x /usr/sbin/apache2 ] || { echo "# /usr/sbin/apache2 is missing" >&2; return 1; }
	[ -f /usr/lib/apache2/modules/mod_auth_openidc.so ] ||
	    { echo "# mod_auth_openidc is missing (scripts/deps: libapache2-mod-auth-openidc)" >&2; return 1; }
	mkdir -p "$state/www"
	CPASSPORT_ISSUER=$ISSUER RP_BASE=$RP RP_CLIENT_ID=$RP_ID RP_CLIENT_SECRET=$RP_SECRET \
	    RP_PASSPHRASE=$(openssl rand -base64 32) RP_SCOPE="openid email profile org" \
	    "$HTTPD_CONF" apache-openidc "$RP_PORT" "$state" "$builddir/cgi-bin" "$CONF" \
	    >"$state/httpd.conf" || return 1
	[ "$1" = apache-rp-form-post ] && echo "OIDCResponseMode form_post" >>"$state/mod_auth_openidc.conf"
	# The values are the test's own (an id, an address, a word): no
	# markup to escape.
	cat >"$state/private/index.cgi" <<'CGI'
#!/bin/sh
printf 'Content-Type: text/html; charset=utf-8\r\n\r\n'
printf '<!DOCTYPE html><title>Private</title><h1>Signed in</h1><dl>'
printf '<dt>sub</dt><dd id="sub">%s</dd>' "$OIDC_CLAIM_sub"
printf '<dt>email</dt><dd id="email">%s</dd>' "$OIDC_CLAIM_email"
printf '<dt>department</dt><dd id="claim">%s</dd>' "$OIDC_CLAIM_department"
printf '<dt>REMOTE_USER</dt><dd id="remote_user">%s</dd></dl>\n' "$REMOTE_USER"
CGI
	chmod 755 "$state/private/index.cgi"
	echo '<!DOCTYPE html><title>Signed out</title><h1 id="loggedout">Signed out</h1>' \
	    >"$state/www/loggedout.html"
	session_start /usr/sbin/apache2 -d "$state" -f "$state/httpd.conf" -DFOREGROUND \
	    2>>"$state/error.log"
	SERVER_PID=$SESSION_PID
	for _ in $(seq 200); do
		kill -0 "$SERVER_PID" 2>/dev/null || break
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$RP/loggedout.html")" = 200 ] && return 0
		sleep 0.05
	done
	echo "# Apache did not start:" >&2; sed 's/^/#   /' "$state/error.log" >&2
	return 1
}

export ISSUER ARTIFACTS USER_EMAIL=alice@example.com USER_PASSWORD='correct horse' \
    USER_SUB=$ALICE CLAIM_SCOPE=org CLAIM_VALUE=Engineering \
    SCOPE_DESCRIPTION="see your department" CLIENT_NAME="Apache intranet"
browser() {	# browser ARGS: apache_rp_browser.py ARGS against $RP
	fold_tap apache-rp-browser env RP="$RP" PGHOST="$WORK/pgsock" PGPORT="$PGPORT" \
	    PGUSER=postgres PGDATABASE=cpassport "$PY" "$srcdir/tests/oidc/apache_rp_browser.py" "$@"
}

# The example as shipped: the whole walk.
rp_client "Apache intranet"
if apache_start apache-rp; then
	browser walk
else
	for t in redirect consent signed-in logout-confirm logged-out sign-in-again consent-remembered; do
		ok 1 "rp-$t: Apache with mod_auth_openidc did not start"
	done
fi
apache_stop

# The example with one line more, OIDCResponseMode form_post, for a client
# whose id_tokens are ES256.
rp_client "Apache intranet" --id-token-alg ES256
if apache_start apache-rp-form-post; then
	browser form-post ES256
else
	ok 1 "rp-form-post-es256: Apache with mod_auth_openidc did not start"
fi
apache_stop
echo "# screenshots in $ARTIFACTS"

ok $(! grep -qsE 'Sanitizer|runtime error:' "$WORK"/apache-rp*/error.log; echo $?) \
    "apache-rp: no AddressSanitizer/UBSan report in Apache's error logs"
done_testing
