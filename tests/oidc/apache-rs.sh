#!/bin/bash
# Apache + mod_oauth2 (libapache2-mod-oauth2) as a
# resource server in front of /api/, configured from the shipped
# httpd-examples/apache/mod_oauth2.conf with only its Define values set
# (tests/servers/httpd-conf apache-oauth2).  Once checking tokens by
# introspection (RFC 7662, as a `--resource-server` client), once by their
# signature against the JWKS: a cpassport access token from the password
# grant gets through with its sub as REMOTE_USER; no token, a tampered
# token (and, by introspection, a revoked one) get 401 with
# WWW-Authenticate: Bearer (RFC 6750 §3).  The API is a CGI that prints
# what Apache hands it.  A missing Apache or module fails, never skips.
. "$(dirname "$0")/../integration/lib.sh"
HTTPD_CONF="$srcdir/tests/servers/httpd-conf"

SERVER_PID=
apache_stop() { [ -n "$SERVER_PID" ] && session_stop "$SERVER_PID"; SERVER_PID=; }
trap 'apache_stop; stack_stop' EXIT

stack_start "allow_plain_http = true" || { echo "Bail out! stack did not start"; exit 1; }
ISSUER=$BASE
"$CPASSPORT" scope add read "Read things" >/dev/null
echo 'pw one' | "$CPASSPORT" user add --email alice@example.com --name Alice --scopes read >/dev/null
ALICE=$(psql_q "SELECT id FROM users WHERE email = 'alice@example.com'")
echo 'pw two' | "$CPASSPORT" user add --email bob@example.com --name Bob --scopes read >/dev/null
BOB=$(psql_q "SELECT id FROM users WHERE email = 'bob@example.com'")
new_client --name "Password app" --password; APP_ID=$ID APP_SECRET=$SECRET
new_client --name "API gateway" --client --resource-server; RS_ID=$ID RS_SECRET=$SECRET
new_client --name "Batch job" --client; CC_ID=$ID CC_SECRET=$SECRET

access_token() {	# access_token: a fresh token of alice's (password grant)
	[ "$(post -u "$APP_ID:$APP_SECRET" -d grant_type=password -d username=alice@example.com \
	    --data-urlencode 'password=pw one' -d scope=read)" = 200 ] && json .access_token
}
service_token() {	# service_token: a client_credentials token of the batch job's
	[ "$(post -u "$CC_ID:$CC_SECRET" -d grant_type=client_credentials -d scope=read)" = 200 ] &&
	    json .access_token
}
# expired TOKEN: its header and claims, exp a minute ago, signed again with
# cpassport's own key: a good signature on a token past its time.
expired() {
	/usr/bin/python3 - "$1" "$WORK/signing.pem" <<'PY'
import base64, json, sys, time
import jwt
def seg(s):
    return json.loads(base64.urlsafe_b64decode(s + "=" * (-len(s) % 4)))
h, p, _ = sys.argv[1].split(".")
header, claims = seg(h), seg(p)
now = int(time.time())
claims.update(iat=now - 960, nbf=now - 960, exp=now - 60)
key = open(sys.argv[2], "rb").read()
print(jwt.encode(claims, key, algorithm=header["alg"],
                 headers={"kid": header["kid"], "typ": header["typ"]}))
PY
}
# tampered TOKEN: the same signature over claims that name bob instead.
tampered() {
	local h p s
	IFS=. read -r h p s <<<"$1"
	p=$(claims "$1" | jq -c --arg b "$BOB" '.sub = $b' | base64 -w0 | tr '+/' '-_' | tr -d '=')
	echo "$h.$p.$s"
}

# api [curl args]: GET /api/whoami.cgi on the Apache; body and headers
# kept; prints the status.
api() { curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' "$@" "$RS/api/whoami.cgi"; }
bearer_401() {	# bearer_401 [curl args]: 401, a Bearer challenge, and the API never ran
	[ "$(api "$@")" = 401 ] && header WWW-Authenticate | grep -q '^Bearer' &&
	    ! grep -q '^remote_user=' "$WORK/body"
}
lets_in() {	# lets_in TOKEN: 200, and the API saw alice's sub as the user
	[ "$(api -H "Authorization: Bearer $1")" = 200 ] &&
	    grep -qx "remote_user=$ALICE" "$WORK/body" &&
	    grep -qx "claim_sub=$ALICE" "$WORK/body" && grep -qx 'claim_scope=read' "$WORK/body"
}
service_in() {	# service_in TOKEN: 200, and the API saw the batch job's client id as the user
	[ "$(api -H "Authorization: Bearer $1")" = 200 ] &&
	    grep -qx "remote_user=$CC_ID" "$WORK/body" && grep -qx "claim_sub=$CC_ID" "$WORK/body"
}

apache_start() {	# apache_start VERIFY: the example on a free port, sets RS
	local state="$WORK/apache-rs-$1" port
	[ -x /usr/sbin/apache2 ] || { echo "# /usr/sbin/apache2 is missing" >&2; return 1; }
	[ -f /usr/lib/apache2/modules/mod_oauth2.so ] ||
	    { echo "# mod_oauth2 is missing (scripts/deps: libapache2-mod-oauth2)" >&2; return 1; }
	port=$(free_port); RS="http://127.0.0.1:$port"
	mkdir -p "$state"
	CPASSPORT_ISSUER=$ISSUER RS_CLIENT_ID=$RS_ID RS_CLIENT_SECRET=$RS_SECRET VERIFY=$1 \
	    "$HTTPD_CONF" apache-oauth2 "$port" "$state" "$builddir/cgi-bin" "$CONF" \
	    >"$state/httpd.conf" || return 1
	# The API: what Apache hands a CGI behind mod_oauth2.
	cat >"$state/api/whoami.cgi" <<'CGI'
#!/bin/sh
printf 'Content-Type: text/plain\r\n\r\n'
printf 'remote_user=%s\nclaim_sub=%s\nclaim_scope=%s\n' \
    "$REMOTE_USER" "$OAUTH2_CLAIM_sub" "$OAUTH2_CLAIM_scope"
CGI
	chmod 755 "$state/api/whoami.cgi"
	session_start /usr/sbin/apache2 -d "$state" -f "$state/httpd.conf" -DFOREGROUND \
	    2>>"$state/error.log"
	SERVER_PID=$SESSION_PID
	for _ in $(seq 200); do
		kill -0 "$SERVER_PID" 2>/dev/null || break
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$RS/")" != 000 ] && return 0
		sleep 0.05
	done
	echo "# Apache ($1) did not start:" >&2; sed 's/^/#   /' "$state/error.log" >&2
	return 1
}

# --- introspection ------------------------------------------------------------
if apache_start introspect; then
	AT=$(access_token)
	check "rs-introspect-token: RFC 7662 §2.1-2.2, Apache introspects as the --resource-server client a token issued to another client: 200, REMOTE_USER and OAUTH2_CLAIM_sub alice's id, OAUTH2_CLAIM_scope read" \
	    lets_in "$AT"
	check "rs-introspect-client-credentials: RFC 7662 §2.2, a client_credentials token gets through with the client's id as sub and REMOTE_USER" \
	    service_in "$(service_token)"
	check "rs-introspect-no-token: RFC 6750 §3, no token: 401 with WWW-Authenticate: Bearer, the API does not run" \
	    bearer_401
	check "rs-introspect-tampered: a token whose claims were changed (sub: bob's) after signing: 401" \
	    bearer_401 -H "Authorization: Bearer $(tampered "$AT")"
	check "rs-introspect-garbage: RFC 6750 §3.1, a token cpassport never issued: 401" \
	    bearer_401 -H "Authorization: Bearer not-a-token"
	ok $([ "$(form /oauth/revoke -u "$APP_ID:$APP_SECRET" --data-urlencode "token=$AT")" = 200 ] &&
	    bearer_401 -H "Authorization: Bearer $AT"; echo $?) \
	    "rs-introspect-revoked: RFC 7009 §2, the token let in above, revoked (POST /oauth/revoke): 401 at once (expiry=0, no cached answer)"
	check "rs-introspect-next-token: a new token of alice's after the revocation still gets through" \
	    lets_in "$(access_token)"
else
	for t in token client-credentials no-token tampered garbage revoked next-token; do
		ok 1 "rs-introspect-$t: Apache with mod_oauth2 did not start"
	done
fi
apache_stop

# --- JWKS -----------------------------------------------------------------------
if apache_start jwks_uri; then
	AT=$(access_token)
	check "rs-jwks-token: RFC 7515 §5.2, a token signed with the key of /.well-known/jwks.json gets through: 200, REMOTE_USER alice's id" \
	    lets_in "$AT"
	check "rs-jwks-client-credentials: a client_credentials token gets through with the client's id as sub and REMOTE_USER" \
	    service_in "$(service_token)"
	check "rs-jwks-no-token: RFC 6750 §3, no token: 401 with WWW-Authenticate: Bearer" \
	    bearer_401
	check "rs-jwks-tampered: RFC 7515 §5.2, a token whose claims were changed (sub: bob's) after signing: 401" \
	    bearer_401 -H "Authorization: Bearer $(tampered "$AT")"
	check "rs-jwks-expired: RFC 7519 §4.1.4, a token signed with cpassport's key but past its exp (verify.exp=required): 401" \
	    bearer_401 -H "Authorization: Bearer $(expired "$AT")"
	ok $([ "$(form /oauth/revoke -u "$APP_ID:$APP_SECRET" --data-urlencode "token=$AT")" = 200 ] &&
	    lets_in "$AT"; echo $?) \
	    "rs-jwks-revoked-still-valid: the documented limit of signature checks: a revoked token is let in until it expires (the example's README says so)"
else
	for t in token client-credentials no-token tampered expired revoked-still-valid; do
		ok 1 "rs-jwks-$t: Apache with mod_oauth2 did not start"
	done
fi
apache_stop

ok $(! grep -qsE 'Sanitizer|runtime error:' "$WORK"/apache-rs-*/error.log; echo $?) \
    "apache-rs: no AddressSanitizer/UBSan report in Apache's error logs"
done_testing
