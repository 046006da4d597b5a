#!/bin/bash
# What may be registered as a post-logout redirect URI (RP-Initiated
# Logout 1.0 §3: the URIs a logout may send the browser back to):
# `cpassport client --post-logout-redirect URI`, repeatable, and `client
# update ID --post-logout-redirect URI… | --no-post-logout-redirect`, by
# the same rules as redirect URIs (RFC 6749 §3.1.2: absolute, no
# fragment).  The logout's redirects themselves are in process:
# tests/endpoint/oidc-logout-*.c.
. "$(dirname "$0")/lib.sh"

stack_start "allow_plain_http = true" || { echo "Bail out! stack did not start"; exit 1; }

fails() {	# fails PATTERN COMMAND...: exits non-zero, stderr matches
	local pat=$1; shift
	! "$@" >/dev/null 2>"$WORK/stderr" && grep -qiE "$pat" "$WORK/stderr"
}
uris() {	# uris ID: the client's post-logout URIs, space-separated
	psql_q "SELECT array_to_string(post_logout_redirect_uris, ' ') FROM oauth_clients WHERE id = '$1'"
}

out=$("$CPASSPORT" client --name RP --redirect https://rp.example/cb \
    --post-logout-redirect https://rp.example/bye \
    --post-logout-redirect 'https://rp.example/bye?from=op')
ID=$(sed -n 's/^Client ID: //p' <<<"$out")
is "$(uris "$ID")" "https://rp.example/bye https://rp.example/bye?from=op" \
    "post-logout-register: two --post-logout-redirect stored as given, in order"
out=$("$CPASSPORT" client --name RP2 --redirect https://rp.example/cb)
ID2=$(sed -n 's/^Client ID: //p' <<<"$out")
is "$(uris "$ID2")" "" "post-logout-register-none: without the flag the client has none"

for u in 'https://a/bye#x' 'myapp://bye#' /bye https:bye https:///bye 'https://a/b ye'; do
	check "post-logout-register-invalid: refuses '$u' (RFC 6749 §3.1.2 rules)" \
	    fails 'invalid post-logout redirect URI' "$CPASSPORT" client --name X \
	    --redirect https://a/cb --post-logout-redirect "$u"
done
check "post-logout-register-auth-code-only: refused for a password client" \
    fails 'authorization code clients only' "$CPASSPORT" client --name X --password \
    --post-logout-redirect https://a/bye
many=(); for i in 1 2 3 4 5 6 7 8 9; do many+=(--post-logout-redirect "https://a/bye$i"); done
check "post-logout-register-bounded: a ninth URI is refused" \
    fails 'too many --post-logout-redirect' "$CPASSPORT" client --name X --redirect https://a/cb "${many[@]}"
is "$(psql_q "SELECT count(*) FROM oauth_clients WHERE name = 'X'")" 0 \
    "post-logout-register-invalid: no client row made"

"$CPASSPORT" client update "$ID" --post-logout-redirect https://rp.example/logged-out >/dev/null
is "$(uris "$ID")" "https://rp.example/logged-out" \
    "post-logout-update: client update replaces the list"
check "post-logout-update-invalid: an invalid URI is refused" \
    fails 'invalid post-logout redirect URI' "$CPASSPORT" client update "$ID" \
    --post-logout-redirect https://rp.example/ok --post-logout-redirect 'https://a/#frag'
is "$(uris "$ID")" "https://rp.example/logged-out" \
    "post-logout-update-invalid: the list is left as it was"
check "post-logout-update-conflict: URIs and --no-post-logout-redirect together are refused" \
    fails 'usage' "$CPASSPORT" client update "$ID" --no-post-logout-redirect \
    --post-logout-redirect https://rp.example/x
check "post-logout-update-unknown: an unknown client is refused" \
    fails 'no client' "$CPASSPORT" client update 7b5e2c1e-0000-4000-8000-000000000000 \
    --post-logout-redirect https://rp.example/x
check "post-logout-update-malformed-id: a malformed id is refused" \
    fails 'invalid client id' "$CPASSPORT" client update nope --no-post-logout-redirect
"$CPASSPORT" client update "$ID" --no-post-logout-redirect >/dev/null
is "$(uris "$ID")" "" "post-logout-update-clear: --no-post-logout-redirect empties the list"
"$CPASSPORT" client update "$ID2" --resource-server \
    --post-logout-redirect https://rp.example/bye >/dev/null
is "$(psql_q "SELECT resource_server FROM oauth_clients WHERE id = '$ID2'")|$(uris "$ID2")" \
    "t|https://rp.example/bye" \
    "post-logout-update-with-resource-server: one update sets both"

done_testing
