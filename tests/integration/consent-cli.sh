#!/bin/bash
# Remembered consent from the CLI: `cpassport consent
# revoke --user ID [--client ID]` revokes what the user approved, for one
# client or all, and says how many; `user revoke` revokes it too; a client
# registered with --no-remember-consent is stored so.  The consent
# screen's use of the rows is tested in process:
# tests/endpoint/oidc-consent-remembered.c.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true" || { echo "Bail out! stack did not start"; exit 1; }

fails() {	# fails PATTERN COMMAND...: exits non-zero, stderr matches
	local pat=$1; shift
	! "$@" >/dev/null 2>"$WORK/stderr" && grep -qiE "$pat" "$WORK/stderr"
}
approved() {	# approved USER CLIENT: a live consent row, as an approval leaves it
	psql_q "INSERT INTO oauth_consents (user_id, client_id, scopes)
	    VALUES ($1, '$2', '{read}') ON CONFLICT (user_id, client_id)
	    DO UPDATE SET revoked = false" >/dev/null
}
revoked() {	# revoked USER CLIENT: the row's revoked flag
	psql_q "SELECT revoked FROM oauth_consents WHERE user_id = $1 AND client_id = '$2'"
}

"$CPASSPORT" scope add read "read things" >/dev/null
echo 'pw' | "$CPASSPORT" user add --email c@example.com --scopes read >/dev/null
U=$(psql_q "SELECT id FROM users WHERE email = 'c@example.com'")
new_client --name "Remembers" --redirect https://a.example/cb; A=$ID
new_client --name "Asks" --redirect https://b.example/cb --no-remember-consent; B=$ID
is "$(psql_q "SELECT string_agg(remember_consent::text, ' ' ORDER BY name DESC)
    FROM oauth_clients WHERE id IN ('$A', '$B')")" "true false" \
    "consent-cli-no-remember: --no-remember-consent stored, remembering the default"

approved "$U" "$A"; approved "$U" "$B"
is "$("$CPASSPORT" consent revoke --user "$U" --client "$A")" \
    "user $U: revoked 1 remembered consents" "consent-cli-revoke-one: one client's"
is "$(revoked "$U" "$A") $(revoked "$U" "$B")" "t f" \
    "consent-cli-revoke-one: only that client's row revoked"
is "$("$CPASSPORT" consent revoke --user "$U" --client "$A")" \
    "user $U: revoked 0 remembered consents" "consent-cli-revoke-again: nothing left to revoke"
approved "$U" "$A"
is "$("$CPASSPORT" consent revoke --user "$U")" \
    "user $U: revoked 2 remembered consents" "consent-cli-revoke-all: every client's"
check "consent-cli-unknown-user: refused" \
    fails "no user with id 999999" "$CPASSPORT" consent revoke --user 999999
check "consent-cli-unknown-client: refused" \
    fails "no client with id" "$CPASSPORT" consent revoke --user "$U" \
    --client 00000000-0000-4000-8000-000000000000
check "consent-cli-malformed-client: refused" \
    fails "invalid client id" "$CPASSPORT" consent revoke --user "$U" --client nope
check "consent-cli-usage: --user is required" \
    fails "usage: cpassport consent revoke" "$CPASSPORT" consent revoke
approved "$U" "$A"
out=$("$CPASSPORT" user revoke "$U")
check "consent-cli-user-revoke: user revoke says and revokes it" \
    grep -q ", 1 remembered consents$" <<<"$out"
is "$(revoked "$U" "$A")" t "consent-cli-user-revoke: the row is revoked"

done_testing
