#!/bin/bash
# What may be registered as a redirect URI (RFC 6749 §3.1.2): `cpassport
# client` refuses a fragment and a relative URI.  This stays in the shell
# tier: it asserts the CLI's own exit status and message.  The redirects
# themselves (the registered string byte for byte plus the query, the
# exchange with that string, loopback URIs on any port; RFC 6749 §4.1.2,
# RFC 8252 §7.1, §7.3) are in process: tests/endpoint/redirect-*.c.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true" || { echo "Bail out! stack did not start"; exit 1; }

fails() {	# fails PATTERN COMMAND...: exits non-zero, stderr matches
	local pat=$1; shift
	! "$@" >/dev/null 2>"$WORK/stderr" && grep -qiE "$pat" "$WORK/stderr"
}
check "redirect-register-no-fragment: cpassport client refuses https://a/cb#x" \
    fails 'invalid redirect URI' "$CPASSPORT" client --name X --redirect 'https://a/cb#x'
check "redirect-register-no-fragment: nor an empty fragment" \
    fails 'invalid redirect URI' "$CPASSPORT" client --name X --redirect 'myapp://cb#'
for u in /cb https:cb https:///cb 'https://a/c b'; do
	check "redirect-register-absolute: refuses '$u'" \
	    fails 'invalid redirect URI' "$CPASSPORT" client --name X --redirect "$u"
done
is "$(psql_q "SELECT count(*) FROM oauth_clients WHERE name = 'X'")" 0 \
    "redirect-register-no-fragment: no client row made"

done_testing
