#!/bin/bash
# The server through third-party client libraries (Debian's
# python3-requests-oauthlib, python3-oauthlib, python3-jwt): password grant,
# /api/user, refresh rotation and reuse, client_credentials, introspection
# and revocation, key rotation verified against the JWKS.  The checks are
# in oauthlib_client.py; its "ok"/"not ok" lines join this TAP stream.
. "$(dirname "$0")/lib.sh"

# Debian's interpreter, with the python3-* packages (not a pyenv one on PATH).
PY=/usr/bin/python3

# Grace 0: oauthlib-refresh-reuse-revokes-family reuses at once.
stack_start "refresh_token_grace_period = 0" ||
    { echo "Bail out! stack did not start"; exit 1; }
for s in read write; do "$CPASSPORT" scope add $s "$s things" >/dev/null; done
echo pw | "$CPASSPORT" user add --email u@example.com --name U --scopes read,write >/dev/null
USER_ID=$(psql_q "SELECT id FROM users WHERE email = 'u@example.com'")
echo pw | "$CPASSPORT" user add --email owner@example.com --scopes read >/dev/null
OWNER_ID=$(psql_q "SELECT id FROM users WHERE email = 'owner@example.com'")
new_client --name App --password; PW_ID=$ID PW_SECRET=$SECRET
new_client --name "Lone service" --client --scopes read; LONE_ID=$ID LONE_SECRET=$SECRET
new_client --name "Owned service" --client --user "$OWNER_ID"; OWNED_ID=$ID OWNED_SECRET=$SECRET

export BASE CPASSPORT USER_ID OWNER_ID PW_ID PW_SECRET LONE_ID LONE_SECRET \
    OWNED_ID OWNED_SECRET USER_EMAIL=u@example.com USER_PASSWORD=pw

fold_tap oauthlib-client-py "$PY" "$srcdir/tests/integration/oauthlib_client.py"

done_testing
