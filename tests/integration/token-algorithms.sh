#!/bin/bash
# Access tokens signed with each key type `cpassport keys` makes (ES256,
# RS256 for Passport compatibility, EdDSA), verified by node's crypto.
. "$(dirname "$0")/lib.sh"

stack_start || { echo "Bail out! stack did not start"; exit 1; }
echo 'pw' | "$CPASSPORT" user add --email u@example.com >/dev/null
out=$("$CPASSPORT" client --name C --password)
CID=$(sed -n 's/^Client ID: //p' <<<"$out"); SECRET=$(sed -n 's/^Client secret: //p' <<<"$out")

for type in es256 rs256 eddsa; do
	"$CPASSPORT" keys --force --type "$type" >/dev/null
	# The programs load the key at start: restart them with lighttpd.
	lighttpd_stop
	lighttpd_start || { echo "Bail out! lighttpd did not restart"; exit 1; }
	status=$(post -u "$CID:$SECRET" -d grant_type=password -d username=u@example.com -d password=pw)
	at=$(json .access_token)
	alg=$(b64url_json "${at%%.*}" | jq -r .alg)
	kid=$(b64url_json "${at%%.*}" | jq -r .kid)
	want=$(case $type in es256) echo ES256 ;; rs256) echo RS256 ;; eddsa) echo EdDSA ;; esac)
	ok $([ "$status" = 200 ] && [ "$alg" = "$want" ]; echo $?) "jwt-$type: a token with alg $want"
	openssl pkey -in "$WORK/signing.pem" -pubout -out "$WORK/pub.pem" 2>/dev/null
	printf '%s' "$at" >"$WORK/at.jwt"
	node "$srcdir/tests/unit/jwt_verify.js" "$WORK/pub.pem" "$WORK/at.jwt" "$kid" >/dev/null 2>&1
	ok $? "jwt-$type: the signature verifies independently (node crypto)"
done

done_testing
