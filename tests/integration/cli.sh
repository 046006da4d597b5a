#!/bin/bash
# The cpassport CLI against a private PostgreSQL: every subcommand's
# success, and a clear message with a non-zero exit on every error.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }

fails() {	# fails PATTERN COMMAND...: exits non-zero, stderr matches
	local pat=$1; shift
	! "$@" >/dev/null 2>"$WORK/stderr" && grep -qiE "$pat" "$WORK/stderr"
}

# migrate
out=$("$CPASSPORT" migrate)
ok $([ "$out" = "0 migrations applied" ]; echo $?) "cli-migrate-idempotent: a second run applies nothing"
before=$(psql_q "SELECT count(*) FROM cpassport_migrations")
"$CPASSPORT" migrate >/dev/null
ok $([ "$(psql_q "SELECT count(*) FROM cpassport_migrations")" = "$before" ] && [ "$before" -ge 1 ]; echo $?) \
    "cli-migrate-recorded: applied migrations are recorded once"

# keys
ok $([ "$(stat -c %a "$WORK/signing.pem")" = 600 ]; echo $?) "cli-keys-mode: the private key file is mode 0600"
sum=$(sha256sum <"$WORK/signing.pem")
check "cli-keys-no-overwrite: an existing key is kept without --force" fails 'exists|force' "$CPASSPORT" keys
ok $([ "$(sha256sum <"$WORK/signing.pem")" = "$sum" ]; echo $?) "cli-keys-no-overwrite: the key file is unchanged"
"$CPASSPORT" keys --force --type eddsa >/dev/null
ok $([ "$(sha256sum <"$WORK/signing.pem")" != "$sum" ] && [ "$(stat -c %a "$WORK/signing.pem")" = 600 ] &&
    openssl pkey -in "$WORK/signing.pem" -noout -text 2>/dev/null | grep -q ED25519; echo $?) \
    "cli-keys-force: --force replaces the key (Ed25519 here), still 0600"
check "cli-keys-bad-type: an unknown --type is refused" fails 'type' "$CPASSPORT" keys --type dsa --force

# One active key per algorithm beside the signing key P (P.rs256, P.es256,
# P.eddsa), for id_tokens; OpenID Connect Core §15.1: RS256 always there.
P=$WORK/signing.pem
ok $([ "$(stat -c %a "$P.rs256")" = 600 ] &&
    openssl pkey -in "$P.rs256" -noout -text 2>/dev/null | grep -q 'Private-Key: (2048 bit'; echo $?) \
    "cli-keys-rs256-companion: cpassport keys made signing.pem.rs256 beside the ES256 key (RSA-2048, 0600)"
sum_p=$(sha256sum <"$P"); sum_rs=$(sha256sum <"$P.rs256")
is "$("$CPASSPORT" keys --add es256)" "ES256 key written to $P.es256" \
    "cli-keys-add: --add es256 makes signing.pem.es256 beside the EdDSA key"
ok $([ "$(stat -c %a "$P.es256")" = 600 ] && openssl pkey -in "$P.es256" -noout -text 2>/dev/null | grep -q prime256v1 &&
    [ "$(sha256sum <"$P")" = "$sum_p" ] && [ "$(sha256sum <"$P.rs256")" = "$sum_rs" ]; echo $?) \
    "cli-keys-add: a P-256 key, 0600; the other keys untouched"
check "cli-keys-add-exists: --add of an algorithm that has a key is refused" \
    fails 'exists already.*--rotate --alg es256' "$CPASSPORT" keys --add es256
check "cli-keys-add-own-type: --add of the signing key's own type is refused" \
    fails 'is EdDSA already' "$CPASSPORT" keys --add eddsa
sum_es=$(sha256sum <"$P.es256")
is "$("$CPASSPORT" keys --rotate --alg rs256)" "RS256 key rotated in at $P.rs256" \
    "cli-keys-rotate-alg: --rotate --alg rs256 rotates signing.pem.rs256"
ok $([ "$(sha256sum <"$P.rs256")" != "$sum_rs" ] && [ "$(ls "$P".rs256.[0-9]* | wc -l)" = 1 ] &&
    [ "$(sha256sum <"$P".rs256.[0-9]*)" = "$sum_rs" ] &&
    [ "$(sha256sum <"$P")" = "$sum_p" ] && [ "$(sha256sum <"$P.es256")" = "$sum_es" ]; echo $?) \
    "cli-keys-rotate-alg-alone: the old RS256 key kept as signing.pem.rs256.<time>; P and P.es256 untouched"
is "$("$CPASSPORT" keys --rotate --alg eddsa)" "EdDSA key rotated in at $P" \
    "cli-keys-rotate-alg-own: --rotate --alg of P's own type rotates P"
check "cli-keys-rotate-alg-missing: rotating an algorithm without a key is refused" \
    fails 'no ES256 key to rotate' sh -c "rm '$P.es256' && '$CPASSPORT' keys --rotate --alg es256"
check "cli-keys-alg-needs-rotate: --alg alone is refused" fails 'goes with --rotate' "$CPASSPORT" keys --alg rs256
check "cli-keys-alg-no-type: --alg with --type is refused" \
    fails 'without --type' "$CPASSPORT" keys --rotate --alg rs256 --type rs256
check "cli-keys-add-alone: --add with --rotate is refused" fails 'alone' "$CPASSPORT" keys --add es256 --rotate
check "cli-keys-bad-alg: an unknown algorithm is refused" fails 'algorithm' "$CPASSPORT" keys --rotate --alg hs256
out=$("$CPASSPORT" keys --rotate --type rs256)
is "$out" "RS256 key rotated in at $P
$P.rs256 retired: $P is the RS256 key now
no EdDSA key left for id_tokens: \`cpassport keys --add eddsa\` makes one" \
    "cli-keys-rotate-type-settles: P rotated from EdDSA to RS256 retires signing.pem.rs256, makes no other, says EdDSA has none"
ok $([ ! -e "$P.rs256" ] && [ "$(ls "$P".rs256.[0-9]* | wc -l)" = 2 ]; echo $?) \
    "cli-keys-rotate-type-settles: no signing.pem.rs256 left, two retired RS256 keys"

# users
echo 'pw one' | "$CPASSPORT" user add --email carol@example.com --name Carol >/dev/null
ok $? "cli-user-add: a user from a stdin password"
ok $([ "$(psql_q "SELECT left(password, 4) FROM users WHERE email = 'carol@example.com'")" = '$2y$' ]; echo $?) \
    "cli-user-add: the password is stored as a bcrypt \$2y\$ hash"
check "cli-user-add-duplicate: a duplicate e-mail is refused" \
    fails 'exists' sh -c "echo pw | '$CPASSPORT' user add --email CAROL@example.com"
check "cli-user-add-bad-email: an invalid e-mail is refused" \
    fails 'e-mail' sh -c "echo pw | '$CPASSPORT' user add --email not-an-address"
check "cli-user-add-no-password: empty stdin is refused" \
    fails 'password' sh -c "'$CPASSPORT' user add --email dave@example.com </dev/null"
check "cli-user-add-unknown-scope: scopes must exist" \
    fails 'scope' sh -c "echo pw | '$CPASSPORT' user add --email erin@example.com --scopes nosuch"
"$CPASSPORT" user list >"$WORK/users"
ok $(grep -q 'carol@example.com' "$WORK/users"; echo $?) "cli-user-list: lists the user"
CAROL=$(psql_q "SELECT id FROM users WHERE email = 'carol@example.com'")
old=$(psql_q "SELECT password FROM users WHERE id = $CAROL")
echo 'pw two' | "$CPASSPORT" user passwd "$CAROL" >/dev/null
ok $([ "$(psql_q "SELECT password FROM users WHERE id = $CAROL")" != "$old" ]; echo $?) "cli-user-passwd: the hash changes"
check "cli-user-passwd-unknown: an unknown id is refused" \
    fails 'no user' sh -c "echo pw | '$CPASSPORT' user passwd 999999"

# scopes
"$CPASSPORT" scope add read "Read things" >/dev/null
ok $("$CPASSPORT" scope list | grep -q '^read  *Read things'; echo $?) "cli-scope-add: listed with its description"
check "cli-scope-duplicate: a duplicate scope is refused" fails 'exists' "$CPASSPORT" scope add read again
check "cli-scope-bad-name: a name with a quote is refused" fails 'invalid' "$CPASSPORT" scope add 'a"b' x

# clients
out=$("$CPASSPORT" client --name "Mobile app" --password --user "$CAROL")
CID=$(sed -n 's/^Client ID: //p' <<<"$out"); SECRET=$(sed -n 's/^Client secret: //p' <<<"$out")
ok $([ ${#CID} -eq 36 ] && [ ${#SECRET} -eq 43 ]; echo $?) "cli-client-password: prints a UUID id and a 256-bit secret"
ok $([ "$(psql_q "SELECT encode(secret, 'hex') FROM oauth_clients WHERE id = '$CID'")" = \
    "$(printf '%s' "$SECRET" | sha256sum | cut -d' ' -f1)" ]; echo $?) "cli-client-password: only the secret's SHA-256 is stored"
ok $([ "$(psql_q "SELECT array_to_string(grant_types, ' ') || '|' || user_id FROM oauth_clients WHERE id = '$CID'")" = \
    "password refresh_token|$CAROL" ]; echo $?) "cli-client-password: grant types and owner"
"$CPASSPORT" client list >"$WORK/clients"
ok $(grep -q "$CID" "$WORK/clients" && ! grep -q "$SECRET" "$WORK/clients"; echo $?) "cli-client-list: lists the client, never its secret"
"$CPASSPORT" client revoke "$CID" >/dev/null
ok $([ "$(psql_q "SELECT revoked FROM oauth_clients WHERE id = '$CID'")" = t ]; echo $?) "cli-client-revoke: marks it revoked"
check "cli-client-revoke-unknown: an unknown id is refused" \
    fails 'no client' "$CPASSPORT" client revoke 7b5e2c1e-0000-4000-8000-000000000000
check "cli-client-revoke-malformed: a malformed id is refused" fails 'invalid' "$CPASSPORT" client revoke nope
check "cli-client-unknown-owner: an unknown --user is refused" \
    fails 'no user' "$CPASSPORT" client --name X --password --user 424242
check "cli-client-no-name: --name is required" fails 'name' "$CPASSPORT" client --password
# RFC 7662 §2.1: a resource server introspects with its secret.
check "cli-client-resource-server-public: a public client cannot be a resource server" \
    fails 'public client cannot be a resource server' "$CPASSPORT" client --name X --public \
    --redirect https://app.example/cb --resource-server
out=$("$CPASSPORT" client --name "Public X" --public --redirect https://app.example/cb)
PUBX=$(sed -n 's/^Client ID: //p' <<<"$out")
check "cli-client-resource-server-public: nor made one by client update" \
    fails 'public client cannot be a resource server' "$CPASSPORT" client update "$PUBX" --resource-server
ok $([ "$(psql_q "SELECT resource_server FROM oauth_clients WHERE id = '$PUBX'")" = f ] &&
    ! psql_q "UPDATE oauth_clients SET resource_server = true WHERE id = '$PUBX'" 2>/dev/null; echo $?) \
    "cli-client-resource-server-public: the schema refuses it too"
check "cli-client-two-kinds: --password with --client is refused" \
    fails 'one of' "$CPASSPORT" client --name X --password --client
check "cli-client-redirect-required: an authorization code client needs --redirect" \
    fails 'redirect' "$CPASSPORT" client --name X

# usage and environment errors
check "cli-bad-flag: an unknown flag is refused with usage" fails 'usage' "$CPASSPORT" client --name X --bogus
check "cli-unknown-command: refused with usage" fails 'unknown command' "$CPASSPORT" frobnicate
for c in migrate keys client user scope; do
	check "cli-help-$c: cpassport $c --help exits 0 with usage" \
	    sh -c "'$CPASSPORT' $c --help | grep -q '^usage: cpassport $c'"
done
check "cli-no-config: a missing config file is named" fails 'nonexistent.conf' "$CPASSPORT" --config /nonexistent.conf user list
sed 's/^database = .*/database = host=\/nonexistent port=1 dbname=x connect_timeout=2/' "$CONF" >"$WORK/nodb.conf"
check "cli-no-database: an unreachable database is a clear error" \
    fails 'database unavailable' "$CPASSPORT" --config "$WORK/nodb.conf" user list
echo "bogus_key = 1" >>"$WORK/nodb.conf"
check "cli-config-typo: an unknown config key is refused with its line" \
    fails 'nodb.conf:[0-9]+: unknown key' "$CPASSPORT" --config "$WORK/nodb.conf" user list

done_testing
