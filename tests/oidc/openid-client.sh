#!/bin/bash
# cpassport as an OpenID Provider through relying-party libraries nobody
# on the project wrote: openid-client (v6, the certified one) and jose,
# from the npm registry at the versions tests/oidc/node pins (a missing
# package fails the run, never skips it).  The stack serves TLS with a CA
# this run makes, so openid-client runs with no insecure request allowed.
# The checks are in openid_client.mjs (pages driven by browser.mjs); their
# "ok"/"not ok" lines join this TAP stream.
. "$(dirname "$0")/../integration/lib.sh"

NODE_DIR="$builddir/tests/oidc-npm"	# outside tests/oidc, which EXTRA_DIST ships
"$srcdir/scripts/deps" --npm "$NODE_DIR" ||
    { echo "Bail out! npm packages (scripts/deps --npm) missing"; exit 1; }
cp "$srcdir/tests/oidc/openid_client.mjs" "$srcdir/tests/oidc/browser.mjs" \
    "$NODE_DIR/" || { echo "Bail out! cannot copy the node checks"; exit 1; }

STACK_TLS=1 stack_start "default_scope = read
claim = department profile
claim = badge email
access_token_claims = department" ||
    { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "Read things" >/dev/null
echo 'pw one' | "$CPASSPORT" user add --email alice@example.com --name Alice \
    --scopes '*' >/dev/null
USER_ID=$(psql_q "SELECT id FROM users WHERE email = 'alice@example.com'")
"$CPASSPORT" user claim "$USER_ID" 'department=R&D' 'badge={"n": 7}' >/dev/null
"$CPASSPORT" user verify-email "$USER_ID" >/dev/null
CB=https://rp.example/cb
POST_LOGOUT=https://rp.example/signed-out
"$CPASSPORT" keys --add eddsa >/dev/null	# ES256 and RS256 are there
new_client --name "RS256 app" --redirect "$CB" --post-logout-redirect "$POST_LOGOUT"
RS_ID=$ID RS_SECRET=$SECRET
new_client --name "ES256 app" --redirect "$CB" --id-token-alg ES256
ES_ID=$ID ES_SECRET=$SECRET
new_client --name "EdDSA app" --redirect "$CB" --id-token-alg EdDSA
ED_ID=$ID ED_SECRET=$SECRET
new_client --name "Nonce app" --redirect "$CB" --require-nonce
NONCE_ID=$ID NONCE_SECRET=$SECRET

export BASE CB POST_LOGOUT USER_ID USER_EMAIL=alice@example.com \
    USER_PASSWORD='pw one' USER_NAME=Alice RS_ID RS_SECRET ES_ID ES_SECRET \
    ED_ID ED_SECRET NONCE_ID NONCE_SECRET

# In order: the later ones use what the earlier ones left (openid_client.mjs).
CHECKS="oauth2-authcode-pkce jose-access-token-at-jwt oidc-discovery
oidc-authcode-pkce-nonce oidc-userinfo-sub-matches
oidc-refresh-new-id-token-same-sub oidc-logout-confirm-redirect-state
oidc-jose-rs256-es256-eddsa oidc-wrong-nonce-refused
oidc-require-nonce-missing-error oidc-prompt-none-login-required
oidc-max-age-0-login-again oidc-userinfo-without-openid-403
oidc-logout-unregistered-uri-no-redirect oidc-form-post-response-mode
oidc-id-token-hint-other-client oidc-consent-remembered-prompt-consent
oidc-custom-claims-by-scope"
# shellcheck disable=SC2086
fold_tap openid-client-mjs /usr/bin/node "$NODE_DIR/openid_client.mjs" $CHECKS

# id_tokens that expire at once, for the one check of an expired hint.
echo "id_token_lifetime = 1" >>"$CONF"
lighttpd_stop
lighttpd_start || { echo "Bail out! lighttpd did not restart"; exit 1; }
fold_tap openid-client-mjs /usr/bin/node "$NODE_DIR/openid_client.mjs" \
    oidc-id-token-hint-expired-accepted

done_testing
