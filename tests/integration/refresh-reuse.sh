#!/bin/bash
# RFC 9700 §4.14.2, RFC 6749 §6: a refresh token presented again by its own
# client within refresh_token_grace_period of its rotation is a race (two
# tabs, a retry whose answer was lost), not theft: invalid_grant, and the
# family lives on.  After the grace period, reuse revokes the family.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3	# Debian's, as oauthlib-client.sh

stack_start || { echo "Bail out! stack did not start"; exit 1; }	# grace 5
"$CPASSPORT" scope add read "read things" >/dev/null
echo pw | "$CPASSPORT" user add --email u@example.com --name U --scopes read >/dev/null
new_client --name App --password; CID=$ID CSECRET=$SECRET
new_client --name Other --password; OTHER_ID=$ID OTHER_SECRET=$SECRET
RACE="refresh token already rotated"
REUSED="refresh token reused: its family is revoked"

login() {	# a password grant; sets AT and RT
	post -u "$CID:$CSECRET" -d grant_type=password -d username=u@example.com \
	    -d password=pw -d scope=read >/dev/null
	AT=$(json .access_token); RT=$(json .refresh_token)
}
refresh() {	# refresh RT [curl args]: prints status; the answer in $WORK/body
	local rt=$1; shift
	post -u "$CID:$CSECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$rt" "$@"
}
answer() { echo "$1:$(json .error):$(json .error_description)"; }
user_status() { get /api/user -H "Authorization: Bearer $1"; }
rotate() {	# login, then one refresh: sets RT (the rotated one), AT2, RT2
	login
	refresh "$RT" >/dev/null
	AT2=$(json .access_token); RT2=$(json .refresh_token)
}

# Two truly parallel refreshes of one token (8 token.fcgi processes, both
# connections open before a barrier releases the requests), 30 times: one
# wins, the other waits on the row lock, then finds the token rotated.
race_round() {
	local i w= l=
	login
	rm -f "$WORK"/race.*
	"$PY" "$srcdir/tests/integration/refresh_race.py" "$BASE" "$CID" "$CSECRET" "$RT" "$WORK/race"
	for i in 1 2; do
		case $(cat "$WORK/race.$i.status") in
		200) w=$i ;;
		400) [ "$(jq -r .error_description "$WORK/race.$i")" = "$RACE" ] && l=$i ;;
		esac
	done
	[ -n "$w" ] && [ -n "$l" ] || { echo "# round: $(cat "$WORK"/race.?.status)"; return 1; }
	[ "$(user_status "$(jq -r .access_token "$WORK/race.$w")")" = 200 ] &&
	    [ "$(refresh "$(jq -r .refresh_token "$WORK/race.$w")")" = 200 ]
}
good=0
for round in $(seq 30); do race_round && good=$((good + 1)); done
is "$good" 30 "refresh-concurrent-both-work: of two parallel refreshes one gets tokens, the other invalid_grant, the winner's tokens work (30 rounds)"

rotate
is "$(answer "$(refresh "$RT")")" "400:invalid_grant:$RACE" \
    "refresh-reuse-within-grace-is-a-race: the just-rotated token again is invalid_grant, already rotated"
is "$(user_status "$AT2"):$(refresh "$RT2")" "200:200" \
    "refresh-reuse-within-grace-keeps-family: the successor's access and refresh tokens still work"

# Another client presenting the token, within the grace period and after it.
rotate
status=$(post -u "$OTHER_ID:$OTHER_SECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$RT")
is "$status:$(json .error)" "400:invalid_grant" "refresh-reuse-other-client: another client presenting it is invalid_grant"
psql_q "UPDATE oauth_refresh_tokens SET used_at = used_at - interval '1 hour' WHERE used_at IS NOT NULL" >/dev/null
status=$(post -u "$OTHER_ID:$OTHER_SECRET" -d grant_type=refresh_token --data-urlencode "refresh_token=$RT")
is "$status:$(json .error)" "400:invalid_grant" "refresh-reuse-other-client: after the grace period too"
is "$(user_status "$AT2"):$(refresh "$RT2")" "200:200" \
    "refresh-reuse-other-client: the family is intact"

# A revoked token gets no grace: the revocation was not a rotation.
login
form /oauth/revoke -u "$CID:$CSECRET" --data-urlencode "token=$RT" >/dev/null
is "$(answer "$(refresh "$RT")")" "400:invalid_grant:$REUSED" \
    "refresh-reuse-after-revoke: a revoked token presented at once is a revoked token, no grace"
rotate
form /oauth/revoke -u "$CID:$CSECRET" --data-urlencode "token=$RT2" >/dev/null
is "$(answer "$(refresh "$RT")")" "400:invalid_grant:$REUSED" \
    "refresh-reuse-after-revoke: a just-rotated token whose family was revoked gets no grace"
rotate
"$CPASSPORT" user revoke "$(psql_q "SELECT id FROM users WHERE email = 'u@example.com'")" >/dev/null
is "$(answer "$(refresh "$RT")")" "400:invalid_grant:$REUSED" \
    "refresh-reuse-after-revoke: nor one whose user was signed out (user revoke)"

# The refresh committed but its answer never reached the client; the
# client retries (a 503 invites it).  The answer is kept aside only to
# check the successor afterwards.
login
refresh "$RT" >/dev/null; cp "$WORK/body" "$WORK/lost"
is "$(answer "$(refresh "$RT")")" "400:invalid_grant:$RACE" \
    "refresh-lost-commit-retry-not-theft: the retry is invalid_grant, already rotated"
is "$(user_status "$(jq -r .access_token "$WORK/lost")"):$(refresh "$(jq -r .refresh_token "$WORK/lost")")" \
    "200:200" "refresh-lost-commit-retry-not-theft: the first refresh's successor still works"

# The same with the connection really cut: the client sends the refresh and
# hangs up before the answer; once the rotation has committed, it retries.
cut_refresh() {	# cut_refresh RT: send it, close at once, wait for the rotation
	local body="grant_type=refresh_token&refresh_token=$1" h i
	exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT" || return 1
	printf 'POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
	    "$(printf %s "$CID:$CSECRET" | base64 -w0)" ${#body} "$body" >&3
	exec 3>&- 3<&-
	h=$(printf %s "$1" | sha256sum | cut -d' ' -f1)
	for i in $(seq 40); do
		[ "$(psql_q "SELECT used_at IS NOT NULL FROM oauth_refresh_tokens WHERE id = decode('$h', 'hex')")" = t ] && return 0
		sleep 0.05
	done
	return 1
}
login
ok $(cut_refresh "$RT"; echo $?) "refresh-lost-commit-retry-not-theft: a refresh whose client hung up still rotates"
is "$(answer "$(refresh "$RT")")" "400:invalid_grant:$RACE" \
    "refresh-lost-commit-retry-not-theft: after a cut connection, the retry is invalid_grant, already rotated"
is "$(user_status "$AT"):$(psql_q "SELECT count(*) FILTER (WHERE revoked) || '/' || count(*) FROM oauth_refresh_tokens WHERE family_id = (SELECT family_id FROM oauth_refresh_tokens WHERE id = decode('$(printf %s "$RT" | sha256sum | cut -d' ' -f1)', 'hex'))")" \
    "200:0/2" "refresh-lost-commit-retry-not-theft: after a cut connection, nothing in the family is revoked"

# After the grace period, reuse is theft: the family dies.  A 1 s grace.
lighttpd_stop
echo "refresh_token_grace_period = 1" >>"$CONF"
lighttpd_start || { echo "Bail out! lighttpd did not restart"; exit 1; }
rotate
sleep 1.5
is "$(answer "$(refresh "$RT")")" "400:invalid_grant:$REUSED" \
    "refresh-reuse-after-grace-revokes-family: reuse after the grace period is theft"
is "$(user_status "$AT2"):$(refresh "$RT2"):$(json .error)" "401:400:invalid_grant" \
    "refresh-reuse-after-grace-revokes-family: the successor's tokens are revoked"

# The setting is bounded: 0 (off) … 300 seconds.
bounded() {
	local v
	for v in -1 301 x; do
		sed "s/^refresh_token_grace_period = .*/refresh_token_grace_period = $v/" "$CONF" >"$WORK/bad.conf"
		CPASSPORT_CONFIG="$WORK/bad.conf" "$CPASSPORT" scope list >/dev/null 2>&1 && return 1
	done
	sed "s/^refresh_token_grace_period = .*/refresh_token_grace_period = 0/" "$CONF" >"$WORK/bad.conf"
	CPASSPORT_CONFIG="$WORK/bad.conf" "$CPASSPORT" scope list >/dev/null
}
check "config-refresh-grace-bounded: refresh_token_grace_period takes 0-300 only" bounded

done_testing
