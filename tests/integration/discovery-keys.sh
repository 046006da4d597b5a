#!/bin/bash
# What needs the whole stack or the CLI: every URL the RFC 8414 metadata
# advertises answers through lighttpd; `cpassport purge` (its output,
# batches; never an access row a live refresh needs; retired key files,
# and the running programs' JWKS after it); `cpassport keys` and a program
# starting on a key file's mode; one algorithm's rotation as the running
# programs serve it.  The metadata, the JWKS and rotation as
# one request sees them are in process: tests/endpoint/discovery-*.c,
# jwks-rotate.c.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "read things" >/dev/null
echo pw | "$CPASSPORT" user add --email k@example.com --scopes read >/dev/null
new_client --name App --password; CID=$ID CSECRET=$SECRET

get /.well-known/oauth-authorization-server >/dev/null
# Every advertised endpoint answers (not 404).
for k in authorization_endpoint token_endpoint revocation_endpoint introspection_endpoint jwks_uri; do
	u=$(json ".$k"); code=$(curl -s -o /dev/null -w '%{http_code}' "$u")
	ok $([ "$code" != 404 ] && [ "$code" != 000 ]; echo $?) "metadata-real: $k answers ($code)"
	get /.well-known/oauth-authorization-server >/dev/null
done

login() {
	post -u "$CID:$CSECRET" -d grant_type=password -d username=k@example.com -d password=pw >/dev/null
	AT=$(json .access_token); RT=$(json .refresh_token)
}

# Retired keys for purge: the ES256 key P was (P.<t>), and the RS256 key
# beside it (P.rs256.<t>), as P is the RS256 key now.
"$CPASSPORT" keys --rotate --type rs256 >/dev/null

# purge: dead rows in batches, never an access row a live refresh token needs.
for i in 1 2 3; do login; done
psql_q "UPDATE oauth_access_tokens SET expires_at = now() - interval '1 s'" >/dev/null
psql_q "INSERT INTO oauth_access_tokens (id, client_id, expires_at) SELECT gen_random_uuid(), '$CID', now() - interval '1 day' FROM generate_series(1, 2500)" >/dev/null
before=$(psql_q "SELECT count(*) FROM oauth_access_tokens")
out=$("$CPASSPORT" purge --expired)
after=$(psql_q "SELECT count(*) FROM oauth_access_tokens")
is "$after" "$(psql_q "SELECT count(DISTINCT access_token_id) FROM oauth_refresh_tokens")" \
    "purge-keeps-live: only access rows with a live refresh token remain ($before -> $after)"
ok $(grep -q "purged: 2500 access tokens" <<<"$out"; echo $?) "purge-batches: 2,500 rows went in batches of 1,000 ($out)"
status=$(post -u "$CID:$CSECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$RT")
is "$status" 200 "purge-refresh-still-works: the refresh token whose access row was kept"
ls "$WORK"/signing.pem.* >/dev/null 2>&1
ok $? "purge-keeps-key: a retired key younger than the longest token lifetime stays"
sed 's/^access_token_lifetime = .*/access_token_lifetime = 1/' "$CONF" >"$WORK/short.conf"
echo "personal_access_token_lifetime = 1" >>"$WORK/short.conf"
sleep 2
out=$("$CPASSPORT" --config "$WORK/short.conf" purge --expired)
ok $(grep -q "2 retired keys" <<<"$out" && ! ls "$WORK"/signing.pem.* >/dev/null 2>&1; echo $?) \
    "purge-retired-key: removed once no token it signed can be alive ($out)"
get /.well-known/jwks.json >/dev/null
is "$(json '.keys | length')" 1 "purge-jwks: JWKS drops the purged key"
psql_q "UPDATE oauth_access_tokens SET revoked = true" >/dev/null
psql_q "UPDATE oauth_refresh_tokens SET revoked = true" >/dev/null
"$CPASSPORT" purge --revoked >/dev/null
is "$(psql_q "SELECT count(*) FROM oauth_access_tokens") $(psql_q "SELECT count(*) FROM oauth_refresh_tokens")" "0 0" \
    "purge-revoked: revoked tokens go"

# RFC 6819 §5.1.4.1.1: a private key file others may read is refused at
# load, by the CLI and by a program starting, naming the file and its mode;
# group read (0640, the web server's group) is allowed.
K_USER=$(psql_q "SELECT id FROM users WHERE email = 'k@example.com'")
chmod 0644 "$WORK/signing.pem"
out=$("$CPASSPORT" token --user "$K_USER" --name t 2>&1)
ok $([ $? -ne 0 ] && grep -q "$WORK/signing.pem: mode 0644" <<<"$out"; echo $?) \
    "keys-mode-refused-cli: cpassport refuses a 0644 key, naming the file and its mode ($out)"
jwks_cgi() {	# discovery.fcgi as plain CGI, started afresh; its log in $WORK/keys-mode.log
	env -i ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} CPASSPORT_CONFIG="$CONF" REQUEST_METHOD=GET \
	    REQUEST_URI=/.well-known/jwks.json REMOTE_ADDR=127.0.0.1 "$builddir/cgi-bin/discovery.fcgi" 2>"$WORK/keys-mode.log"
}
out=$(jwks_cgi); rc=$?
ok $([ "$rc" -ne 0 ] && [[ "$out" != *'"keys"'* ]] && grep -q "$WORK/signing.pem: mode 0644" "$WORK/keys-mode.log"; echo $?) \
    "keys-mode-refused-program: a program does not start on a 0644 key; its log names the file and mode ($(head -1 "$WORK/keys-mode.log"))"
chmod 0604 "$WORK/signing.pem"
out=$(jwks_cgi); rc=$?
ok $([ "$rc" -ne 0 ] && grep -q "mode 0604" "$WORK/keys-mode.log"; echo $?) \
    "keys-mode-refused-program: nor on one only others may read (0604)"
chmod 0640 "$WORK/signing.pem"
out=$(jwks_cgi); rc=$?
ok $([ "$rc" -eq 0 ] && [[ "$out" == *'"keys"'* ]]; echo $?) "keys-mode-group-allowed: 0640 (group read) loads"
chmod 0600 "$WORK/signing.pem"
"$CPASSPORT" keys --rotate >/dev/null
ok $([ "$(stat -c %a "$WORK/signing.pem")" = 600 ] && [ "$(stat -c %a "$(ls "$WORK"/signing.pem.* | head -1)")" = 600 ]; echo $?) \
    "keys-mode-rotate: cpassport keys --rotate writes 0600 and keeps the old one 0600"

# The running programs see one algorithm's rotation at their next request:
# it touches the signing key, the one file they stat(2).  The RS256 key is
# new, the previous one still listed; the ES256 key (the access tokens')
# is untouched.
jwks_alg() {	# jwks_alg ALG: the kids of that alg in the served JWKS
	get /.well-known/jwks.json >/dev/null
	json "[.keys[] | select(.alg == \"$1\") | .kid] | sort | join(\" \")"
}
rs_before=$(jwks_alg RS256); es_before=$(jwks_alg ES256)
"$CPASSPORT" keys --rotate --alg rs256 >/dev/null
rs_after=$(jwks_alg RS256)
kept=0; for k in $rs_before; do [[ " $rs_after " == *" $k "* ]] || kept=1; done
ok $([ -n "$rs_before" ] && [ "$(wc -w <<<"$rs_after")" -eq $(($(wc -w <<<"$rs_before") + 1)) ] && [ $kept = 0 ] &&
    [ "$(jwks_alg ES256)" = "$es_before" ]; echo $?) \
    "keys-rotate-alg-served: after keys --rotate --alg rs256 the served JWKS has a new RS256 key, the old ones, the same ES256 key"

done_testing
