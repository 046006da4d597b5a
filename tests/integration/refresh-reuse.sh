#!/bin/bash
# RFC 9700 §4.14.2, RFC 6749 §6: a refresh whose client hung up before the
# answer still rotates, and the client's retry within
# refresh_token_grace_period is a race, not theft.  What stays here needs
# a real socket to cut (lighttpd, token.fcgi); the grace period, reuse
# after it, revocation, other clients and two refreshes at once are in
# process: tests/endpoint/refresh-*.c.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }	# grace 5
"$CPASSPORT" scope add read "read things" >/dev/null
echo pw | "$CPASSPORT" user add --email u@example.com --name U --scopes read >/dev/null
new_client --name App --password; CID=$ID CSECRET=$SECRET
RACE="refresh token already rotated"

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

# The client sends the refresh and hangs up before the answer; once the
# rotation has committed, it retries.
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

done_testing
