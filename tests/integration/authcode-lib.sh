# The authorization endpoint through its forms, for the tests that need a
# code (authcode-binding.sh).  Source it after
# lib.sh; a cookie jar holds the browser's session.
JAR="$WORK/jar"

browse() {	# browse PATH [curl args]: GET with the cookie jar; prints status
	local path=$1; shift
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -b "$JAR" -c "$JAR" "$@" "$BASE$path"
}
submit() {	# submit [curl args]: POST /oauth/authorize with the jar
	curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -b "$JAR" -c "$JAR" \
	    -X POST "$@" "$BASE/oauth/authorize"
}
field() {	# field NAME: a hidden input's value in the last page (unescaped)
	sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" "$WORK/body" | head -1 |
	    sed 's/&amp;/\&/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g'
}
location() { header Location; }
qparam() {	# qparam NAME URL
	python3 -c 'import sys,urllib.parse as u; q=u.parse_qs(u.urlsplit(sys.argv[2]).query); print(q.get(sys.argv[1],[""])[0])' "$1" "$2"
}
login_as() {	# login_as EMAIL PASSWORD QUERY: through the login form
	rm -f "$JAR"
	browse "/oauth/authorize?$3" >/dev/null
	submit --data-urlencode action=login --data-urlencode "request=$(field request)" \
	    --data-urlencode "login_token=$(field login_token)" \
	    --data-urlencode "email=$1" --data-urlencode "password=$2"
}
consent_approve() {	# on a consent page: approve with its CSRF token
	submit --data-urlencode action=approve --data-urlencode "request=$(field request)" \
	    --data-urlencode "csrf_token=$(field csrf_token)"
}
approve_code() {	# approve_code QUERY: signed in, a fresh code through consent
	browse "/oauth/authorize?$1" >/dev/null
	consent_approve >/dev/null
	qparam code "$(location)"
}
