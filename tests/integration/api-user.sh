#!/bin/bash
# GET /api/user as the web server passes it: a client-sent
# X-Forwarded-Proto reaches user.fcgi only as an environment variable
# (HTTP_X_FORWARDED_PROTO) that must not count as TLS (RFC 6750 §5.3).
# The endpoint's answers are in process: tests/endpoint/api-user-*.c.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }
echo pw | "$CPASSPORT" user add --email a@example.com >/dev/null
new_client --name App --password; CID=$ID CSECRET=$SECRET
post -u "$CID:$CSECRET" -d grant_type=password -d username=a@example.com -d password=pw >/dev/null
AT=$(json .access_token)

# user.fcgi as plain CGI, so that the remote address can be any.
user_cgi() {	# user_cgi ENV...: GET /api/user with $AT, as the web server would pass it
	env -i ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} CPASSPORT_CONFIG="$CONF" REQUEST_METHOD=GET \
	    REQUEST_URI=/api/user HTTP_AUTHORIZATION="Bearer $AT" "$@" "$builddir/cgi-bin/user.fcgi" 2>>"$WORK/cgi.log"
}
out=$(user_cgi REMOTE_ADDR=192.0.2.7 HTTP_X_FORWARDED_PROTO=https)
ok $([[ "$out" == "Status: 400"* ]]; echo $?) "api-user-tls-required: a client-sent X-Forwarded-Proto is not trusted"

done_testing
