#!/bin/bash
# The OpenID Connect registration of a client through the CLI: --openid,
# --id-token-alg and --require-nonce (Dynamic Client Registration §2
# id_token_signed_response_alg, Core §3.1.2.1 nonce), and `client show`
# printing the whole registration, never the secret.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }

fails() {	# fails PATTERN COMMAND...: exits non-zero, stderr matches
	local pat=$1; shift
	! "$@" >/dev/null 2>"$WORK/stderr" && grep -qiE "$pat" "$WORK/stderr"
}

"$CPASSPORT" scope add read "Read things" >/dev/null
echo 'pw' | "$CPASSPORT" user add --email olga@example.com >/dev/null
OLGA=$(psql_q "SELECT id FROM users WHERE email = 'olga@example.com'")
out=$("$CPASSPORT" client --name "Sign-in app" --user "$OLGA" --redirect https://app.example/cb \
    --redirect https://app.example/cb2 --scopes read --openid --id-token-alg eddsa --require-nonce)
CID=$(sed -n 's/^Client ID: //p' <<<"$out"); SECRET=$(sed -n 's/^Client secret: //p' <<<"$out")
"$CPASSPORT" client show "$CID" >"$WORK/show"
ok $? "oidc-cli-client-show: exits 0"
# The times are the row's, in UTC.
created=$(psql_q "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM oauth_clients WHERE id = '$CID'")
cat >"$WORK/want" <<WANT
client_id                     $CID
client_name                   Sign-in app
owner                         $OLGA
confidential                  yes
grant_types                   authorization_code refresh_token
redirect_uris                 https://app.example/cb https://app.example/cb2
post_logout_redirect_uris     -
scopes                        read openid
first_party                   no
resource_server               no
id_token_signed_response_alg  EdDSA
require_nonce                 yes
remember_consent              yes
revoked                       no
created                       $created UTC
updated                       $created UTC
WANT
if diff "$WORK/want" "$WORK/show" >&2; then ok 0 "oidc-cli-client-show-registration: every column, --openid adding openid to --scopes, the alg spelled as JOSE does"
else ok 1 "oidc-cli-client-show-registration: every column, --openid adding openid to --scopes, the alg spelled as JOSE does"; fi
ok $(! grep -qF "$SECRET" "$WORK/show" && ! grep -qi "$(printf '%s' "$SECRET" | sha256sum | cut -c1-16)" "$WORK/show"; echo $?) \
    "oidc-cli-client-show-no-secret: neither the secret nor its hash"
out=$("$CPASSPORT" client --name "Plain app" --public --redirect https://app.example/cb)
PID=$(sed -n 's/^Client ID: //p' <<<"$out")
"$CPASSPORT" client show "$PID" >"$WORK/show"
ok $(grep -qx 'id_token_signed_response_alg  RS256' "$WORK/show" && grep -qx 'require_nonce                 no' "$WORK/show" &&
    grep -qx 'confidential                  no' "$WORK/show" && grep -qx 'owner                         -' "$WORK/show" &&
    grep -qx 'scopes                        \*' "$WORK/show"; echo $?) \
    "oidc-cli-client-defaults: RS256 (Core §15.1), no nonce rule, every scope"
check "oidc-cli-id-token-alg-unknown: an algorithm not RS256, ES256 or EdDSA is refused" \
    fails 'id-token-alg is RS256, ES256 or EdDSA' "$CPASSPORT" client --name X --redirect https://app.example/cb \
    --id-token-alg HS256
check "oidc-cli-client-show-unknown: an unknown id is refused" \
    fails 'no client' "$CPASSPORT" client show 7b5e2c1e-0000-4000-8000-000000000000
check "oidc-cli-client-show-malformed: a malformed id is refused" fails 'invalid client id' "$CPASSPORT" client show nope
check "oidc-cli-client-show-usage: show takes one id" fails 'usage' "$CPASSPORT" client show

done_testing
