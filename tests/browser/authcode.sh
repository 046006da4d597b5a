#!/bin/bash
# The authorization code flow in a real browser: headless Chromium driven
# by Selenium through the login, consent and callback pages (the seed's
# /oauth/request walk, deny, /callback/start with state + PKCE, first-party
# clients, keyboard use, no JavaScript, a wrong password).  The checks are
# in authcode_browser.py; its "ok"/"not ok" lines join this TAP stream.
# Screenshots stay in $builddir/tests/browser/artifacts.
. "$(dirname "$0")/../integration/lib.sh"

# Debian's interpreter, with python3-selenium (not a pyenv one on PATH).
PY=/usr/bin/python3
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] ||
    ! "$PY" -c 'import selenium' 2>/dev/null; then
	# scripts/deps installs them: missing is a failure, never a skip.
	echo "Bail out! needs Debian's chromium, chromium-driver and python3-selenium"
	exit 1
fi
ARTIFACTS="$builddir/tests/browser/artifacts"
mkdir -p "$ARTIFACTS"

stack_start "allow_plain_http = true
default_scope = read write" || { echo "Bail out! stack did not start"; exit 1; }
for s in read write; do "$CPASSPORT" scope add $s "Read or write $s things" >/dev/null; done
echo 'correct horse' | "$CPASSPORT" user add --email alice@example.com --name Alice \
    --scopes read,write >/dev/null
# Each walk meets the consent screen: no remembered consent for this client.
new_client --name "Seed Callback App" --redirect "$BASE/callback" --no-remember-consent; CB_ID=$ID CB_SECRET=$SECRET
new_client --name "First Party App" --first-party --redirect "$BASE/callback"; FP_ID=$ID FP_SECRET=$SECRET

# callback.fcgi exchanges codes as callback_client_id; the programs read
# the configuration when they start.
callback_client() {	# callback_client ID SECRET
	sed -i '/^callback_client_/d' "$CONF"
	printf 'callback_client_id = %s\ncallback_client_secret = %s\n' "$1" "$2" >>"$CONF"
	lighttpd_stop
	lighttpd_start
}

export BASE ARTIFACTS CB_ID CB_SECRET FP_ID USER_EMAIL=alice@example.com \
    USER_PASSWORD='correct horse' USER_NAME=Alice

browser_checks() {	# browser_checks PHASE
	fold_tap "browser-py-$1" "$PY" "$srcdir/tests/browser/authcode_browser.py" "$1"
}

callback_client "$CB_ID" "$CB_SECRET" || { echo "Bail out! lighttpd did not restart"; exit 1; }
browser_checks confidential
callback_client "$FP_ID" "$FP_SECRET" || { echo "Bail out! lighttpd did not restart"; exit 1; }
browser_checks first-party

echo "# screenshots in $ARTIFACTS"
done_testing
