#!/usr/bin/python3
"""cpassport seen by third-party client libraries: requests-oauthlib/oauthlib
fetch, use and refresh tokens; PyJWT verifies them against the JWKS that the
RFC 8414 metadata advertises.  Prints "ok"/"not ok" lines, no plan (the
calling oauthlib-client.sh numbers them and ends the TAP stream).

Environment: BASE CPASSPORT USER_EMAIL USER_PASSWORD USER_ID PW_ID PW_SECRET
LONE_ID LONE_SECRET OWNED_ID OWNED_SECRET OWNER_ID (and CPASSPORT_CONFIG for
the CLI)."""
import base64
import hashlib
import json
import os
import subprocess
import sys

os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"  # plain http on loopback

import jwt
import requests
from oauthlib.oauth2 import (BackendApplicationClient, InvalidGrantError,
                             LegacyApplicationClient)
from requests.auth import HTTPBasicAuth
from requests_oauthlib import OAuth2Session

E = os.environ
BASE = E["BASE"]
TOKEN_URL = BASE + "/oauth/token"
n = 0


def ok(cond, name, *diag):
    global n
    n += 1
    print(("ok" if cond else "not ok") + f" {n} - {name}")
    if not cond:
        for d in diag:
            print("# " + str(d).replace("\n", "\n# "))
    sys.stdout.flush()


def thumbprint(jwk):
    """RFC 7638: SHA-256 of the required members, sorted, no whitespace."""
    req = {"EC": ("crv", "kty", "x", "y"), "RSA": ("e", "kty", "n"),
           "OKP": ("crv", "kty", "x")}[jwk["kty"]]
    canon = json.dumps({k: jwk[k] for k in req}, separators=(",", ":"),
                       sort_keys=True)
    digest = hashlib.sha256(canon.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


meta = requests.get(BASE + "/.well-known/oauth-authorization-server").json()
JWKS_URI = meta["jwks_uri"]


def verify(token, audience):
    """PyJWT on its own: a fresh PyJWKClient (no cache) picks the key by kid;
    the algorithm is the JWK's "alg", never the token's own header."""
    client = jwt.PyJWKClient(JWKS_URI)
    raw = client.fetch_data()  # the JWKS document; also fills the cache
    key = client.get_signing_key_from_jwt(token)
    jwk = next(k for k in raw["keys"] if k.get("kid") == key.key_id)
    claims = jwt.decode(token, key.key, algorithms=[jwk["alg"]],
                        audience=audience, issuer=BASE,
                        options={"require": ["exp", "iat", "sub", "jti"]})
    return claims, jwt.get_unverified_header(token), jwk


def attempt(name, fn):
    """ok(fn()) but an exception is a failure with its text as diagnostic."""
    try:
        res = fn()
        ok(res is True, name, res)
    except Exception as e:  # noqa: BLE001 - any failure is "not ok"
        ok(False, name, f"{type(e).__name__}: {e}")


# 1. Password grant (RFC 6749 §4.3), client_secret_post.
pw = OAuth2Session(client=LegacyApplicationClient(client_id=E["PW_ID"]),
                   scope=["read", "write"])
tok = pw.fetch_token(TOKEN_URL, username=E["USER_EMAIL"],
                     password=E["USER_PASSWORD"], include_client_id=True,
                     client_secret=E["PW_SECRET"])
ok(tok.get("access_token") and tok.get("refresh_token")
   and tok.get("token_type") == "Bearer" and tok.get("expires_in") == 900
   and tok.get("scope") == ["read", "write"],
   "oauthlib-password-grant: fetch_token gives access+refresh tokens, Bearer, "
   "expires_in, scope", tok)

# 2. Independent verification against the advertised JWKS.
ok(meta.get("issuer") == BASE and meta.get("token_endpoint") == TOKEN_URL,
   "oauthlib-metadata: issuer and token_endpoint of the RFC 8414 document",
   meta)
attempt("oauthlib-jwt-verify: PyJWT verifies the access token via jwks_uri "
        "(alg from the JWK, aud, iss, exp/iat/sub/jti, typ at+jwt, sub=user)",
        lambda: (lambda c, h, k: h.get("typ") == "at+jwt"
                 and c["sub"] == E["USER_ID"] and c["client_id"] == E["PW_ID"]
                 or (c, h))(*verify(tok["access_token"], E["PW_ID"])))
attempt("oauthlib-jwt-kid: kid is the RFC 7638 thumbprint of the JWK",
        lambda: (lambda c, h, k: h["kid"] == thumbprint(k) or (h, k))
        (*verify(tok["access_token"], E["PW_ID"])))

# 3. The session as a Bearer client of the resource endpoint.
r = pw.get(BASE + "/api/user")
ok(r.status_code == 200 and r.json().get("id") == int(E["USER_ID"])
   and r.json().get("email") == E["USER_EMAIL"],
   "oauthlib-api-user: session.get(/api/user) gives the user's id and email",
   r.status_code, r.text)

# 4. Refresh with rotation; reuse of the old one kills the family.
basic = HTTPBasicAuth(E["PW_ID"], E["PW_SECRET"])
old_rt = tok["refresh_token"]
new = pw.refresh_token(TOKEN_URL, refresh_token=old_rt, auth=basic)
ok(new.get("refresh_token") and new["refresh_token"] != old_rt
   and new.get("access_token") != tok["access_token"],
   "oauthlib-refresh-rotates: session.refresh_token gives a new refresh token",
   new)
ok(pw.get(BASE + "/api/user").status_code == 200,
   "oauthlib-refresh-new-access: the session's new access token works")
try:
    pw.refresh_token(TOKEN_URL, refresh_token=old_rt, auth=basic)
    ok(False, "oauthlib-refresh-reuse: the rotated-away token is refused",
       "no exception")
except InvalidGrantError as e:
    ok(True, "oauthlib-refresh-reuse: the rotated-away token raises "
       "InvalidGrantError (invalid_grant)")
r = pw.get(BASE + "/api/user")  # the session still holds the new token
ok(r.status_code == 401,
   "oauthlib-refresh-reuse-revokes-family: the new access token gets 401",
   r.status_code, r.text)


# 5. client_credentials (RFC 6749 §4.4) with HTTP Basic.
def cc(cid, secret):
    s = OAuth2Session(client=BackendApplicationClient(client_id=cid))
    return s.fetch_token(TOKEN_URL, client_secret=secret)  # -> Basic auth


lone = cc(E["LONE_ID"], E["LONE_SECRET"])
attempt("oauthlib-cc-client-sub: a client without owner gets sub = client id "
        "(verified via JWKS)",
        lambda: verify(lone["access_token"], E["LONE_ID"])[0]["sub"]
        == E["LONE_ID"] and "refresh_token" not in lone or lone)
owned = cc(E["OWNED_ID"], E["OWNED_SECRET"])
attempt("oauthlib-cc-owner-sub: a client made with --user gets sub = owner id",
        lambda: verify(owned["access_token"], E["OWNED_ID"])[0]["sub"]
        == E["OWNER_ID"] or owned)

# 6. Introspection (RFC 7662) before and after revocation (RFC 7009).
lone_auth = (E["LONE_ID"], E["LONE_SECRET"])


def introspect(token):
    return requests.post(BASE + "/oauth/introspect", auth=lone_auth,
                         data={"token": token}).json()


i = introspect(lone["access_token"])
ok(i.get("active") is True and i.get("client_id") == E["LONE_ID"],
   "oauthlib-introspect-active: active true with client_id", i)
r = requests.post(BASE + "/oauth/revoke", auth=lone_auth,
                  data={"token": lone["access_token"],
                        "token_type_hint": "access_token"})
i = introspect(lone["access_token"])
ok(r.status_code == 200 and i == {"active": False},
   "oauthlib-introspect-revoked: after /oauth/revoke, {\"active\": false}",
   r.status_code, r.text, i)

# 7. Key rotation as a JWKS consumer sees it.
before = cc(E["LONE_ID"], E["LONE_SECRET"])["access_token"]
rot = subprocess.run([E["CPASSPORT"], "keys", "--rotate"], capture_output=True,
                     text=True)
after = cc(E["LONE_ID"], E["LONE_SECRET"])["access_token"]
kid_b, kid_a = (jwt.get_unverified_header(t)["kid"] for t in (before, after))
ok(rot.returncode == 0 and kid_a != kid_b,
   "oauthlib-rotate-new-kid: after `cpassport keys --rotate` a new kid",
   rot.stdout, rot.stderr, kid_b, kid_a)
kids = {k.get("kid") for k in requests.get(JWKS_URI).json()["keys"]}
ok({kid_b, kid_a} <= kids,
   "oauthlib-rotate-jwks-both: the JWKS lists the old and the new key", kids)
fresh = jwt.PyJWKClient(JWKS_URI)
attempt("oauthlib-rotate-verify-both: a fresh PyJWKClient verifies the old "
        "and the new token",
        lambda: all(jwt.decode(t, fresh.get_signing_key_from_jwt(t).key,
                               algorithms=["ES256"], audience=E["LONE_ID"],
                               issuer=BASE)["sub"] == E["LONE_ID"]
                    for t in (before, after)))
