#!/bin/bash
# No user enumeration by timing (RFC 6749 §10.10, credentials guessing):
# an unknown e-mail is checked against a dummy hash of bcrypt_cost, so it
# costs what a real user's login costs; new hashes are made at that cost,
# and a cheaper stored hash is rehashed on a successful login, never
# weakened.  The cost is the point here: 12, as Laravel 11+ writes.
. "$(dirname "$0")/lib.sh"

BCRYPT_COST=12 stack_start "allow_plain_http = true" ||
    { echo "Bail out! stack did not start"; exit 1; }
"$CPASSPORT" scope add read "read things" >/dev/null
echo 'pw one' | "$CPASSPORT" user add --email known@example.com --name Known --scopes read >/dev/null
new_client --name "Password app" --password; PW_ID=$ID PW_SECRET=$SECRET
hash_of() { psql_q "SELECT password FROM users WHERE email = '$1'"; }
grant_status() {	# grant_status USER PASSWORD
	post -u "$PW_ID:$PW_SECRET" -d grant_type=password --data-urlencode "username=$1" \
	    --data-urlencode "password=$2"
}
grant_time() {	# grant_time USER PASSWORD: seconds the answer took
	psql_q "DELETE FROM oauth_login_failures" >/dev/null	# the throttle is not the point
	curl -s -o /dev/null -w '%{time_total}' -X POST "$BASE/oauth/token" -u "$PW_ID:$PW_SECRET" \
	    -d grant_type=password --data-urlencode "username=$1" --data-urlencode "password=$2"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

ok $([[ "$(hash_of known@example.com)" == '$2y$12$'* ]]; echo $?) \
    "password-cost-new-hash: user add hashes at bcrypt_cost (\$2y\$12\$)"

# Interleaved, several runs, medians: a loaded machine moves both alike.
grant_time known@example.com wrong >/dev/null; grant_time nobody@example.com wrong >/dev/null
: >"$WORK/known"; : >"$WORK/unknown"
for i in $(seq 7); do
	grant_time known@example.com wrong >>"$WORK/known"; echo >>"$WORK/known"
	grant_time nobody$i@example.com wrong >>"$WORK/unknown"; echo >>"$WORK/unknown"
done
tk=$(median <"$WORK/known"); tu=$(median <"$WORK/unknown")
ratio=$(awk -v u="$tu" -v k="$tk" 'BEGIN { printf "%.2f", u / k }')
ok $(awk -v r="$ratio" 'BEGIN { exit !(r > 0.6 && r < 1.67) }'; echo $?) \
    "password-dummy-timing: an unknown e-mail takes as long as a cost-12 user (median ${tu}s vs ${tk}s, ratio $ratio)"

# Rehash on login: a cheaper hash (written at cost 4, and Laravel's old
# cost 10) comes up to 12; a dearer one keeps its cost.
sed 's/^bcrypt_cost = .*/bcrypt_cost = 4/' "$CONF" >"$WORK/cheap.conf"
echo 'pw two' | "$CPASSPORT" --config "$WORK/cheap.conf" user add --email cheap@example.com --scopes read >/dev/null
before=$(hash_of cheap@example.com)
is "$(grant_status cheap@example.com 'pw two')" 200 "password-rehash-login: the cost-4 user signs in"
after=$(hash_of cheap@example.com)
ok $([[ "$before" == '$2y$04$'* && "$after" == '$2y$12$'* ]]; echo $?) \
    "password-rehash-cheaper: its stored hash is now \$2y\$12\$ (${after:0:7})"
is "$(grant_status cheap@example.com 'pw two')" 200 "password-rehash-verifies: and the password still works"
psql_q "INSERT INTO users (name, email, password, scopes) VALUES ('Laravel', 'laravel@example.com', '\$2y\$10\$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi', '{read}')" >/dev/null
grant_status laravel@example.com password >/dev/null
ok $([[ "$(hash_of laravel@example.com)" == '$2y$12$'* ]]; echo $?) \
    "password-rehash-laravel-10: Laravel's \$2y\$10\$ row is rewritten at 12 (Laravel reads \$2y\$)"
sed 's/^bcrypt_cost = .*/bcrypt_cost = 13/' "$CONF" >"$WORK/dear.conf"
echo 'pw three' | "$CPASSPORT" --config "$WORK/dear.conf" user add --email dear@example.com --scopes read >/dev/null
before=$(hash_of dear@example.com)
grant_status dear@example.com 'pw three' >/dev/null
is "$(hash_of dear@example.com)" "$before" "password-rehash-dearer-keeps-cost: a \$2y\$13\$ hash is kept as it is"
is "$(grant_status known@example.com wrong)" 400 "password-rehash-wrong: a wrong password changes nothing"
ok $([[ "$(hash_of known@example.com)" == '$2y$12$'* ]]; echo $?) "password-rehash-same-keeps: a cost-12 hash stays"

# The key is bounded: 4 … 16.
for bad in 3 17 x; do
	sed "s/^bcrypt_cost = .*/bcrypt_cost = $bad/" "$CONF" >"$WORK/bad.conf"
	out=$("$CPASSPORT" --config "$WORK/bad.conf" user list 2>&1) && rc=0 || rc=1
	ok $([ $rc = 1 ] && grep -q bcrypt_cost <<<"$out"; echo $?) "config-bcrypt-cost-bounds: bcrypt_cost = $bad is refused"
done

done_testing
