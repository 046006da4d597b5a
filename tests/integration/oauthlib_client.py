#!/usr/bin/python3
"""cpassport seen by third-party client libraries: requests-oauthlib/oauthlib
fetch, use and refresh tokens; PyJWT verifies them against the JWKS that the
RFC 8414 metadata advertises.  Prints "ok"/"not ok" lines without a plan:
oauthlib-client.sh counts them and ends the TAP stream.

Environment: BASE CPASSPORT USER_EMAIL USER_PASSWORD USER_ID PW_ID PW_SECRET
LONE_ID LONE_SECRET OWNED_ID OWNED_SECRET OWNER_ID (CPASSPORT_CONFIG for the
CLI)."""
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
S = {}  # what one check leaves for the next
n = 0


def check(name):
    """Decorator: run the function now; ok unless it raises (an assert's
    message, or the exception, becomes the diagnostic)."""
    def run(fn):
        global n
        n += 1
        try:
            fn()
            print(f"ok {n} - {name}")
        except Exception as e:  # any failure is "not ok", the run goes on
            print(f"not ok {n} - {name}")
            print(f"# {type(e).__name__}: {e}".replace("\n", "\n# "))
        sys.stdout.flush()
    return run


def thumbprint(jwk):
    """RFC 7638: SHA-256 of the required members, sorted, no whitespace."""
    req = {"EC": ("crv", "kty", "x", "y"), "RSA": ("e", "kty", "n"),
           "OKP": ("crv", "kty", "x")}[jwk["kty"]]
    canon = json.dumps({k: jwk[k] for k in req}, separators=(",", ":"),
                       sort_keys=True)
    digest = hashlib.sha256(canon.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def verify(token, audience, client=None):
    """PyJWT on its own: a PyJWKClient (fresh unless given) finds the key by
    kid in jwks_uri; the algorithm is the JWK's "alg", not the token's."""
    client = client or jwt.PyJWKClient(S["jwks_uri"])
    raw = client.fetch_data()  # the JWKS document; also fills the cache
    key = client.get_signing_key_from_jwt(token)
    jwk = next(k for k in raw["keys"] if k.get("kid") == key.key_id)
    claims = jwt.decode(token, key.key, algorithms=[jwk["alg"]],
                        audience=audience, issuer=BASE,
                        options={"require": ["exp", "iat", "sub", "jti"]})
    return claims, jwt.get_unverified_header(token), jwk


def cc_token(cid, secret):
    """client_credentials through BackendApplicationClient; the secret with
    no include_client_id makes requests-oauthlib use HTTP Basic."""
    s = OAuth2Session(client=BackendApplicationClient(client_id=cid))
    return s.fetch_token(TOKEN_URL, client_secret=secret)


def introspect(token, auth):
    return requests.post(BASE + "/oauth/introspect", auth=auth,
                         data={"token": token}).json()


@check("oauthlib-metadata: the RFC 8414 document names issuer, token "
       "endpoint and jwks_uri")
def _():
    meta = requests.get(BASE + "/.well-known/oauth-authorization-server").json()
    assert meta["issuer"] == BASE and meta["token_endpoint"] == TOKEN_URL, meta
    S["jwks_uri"] = meta["jwks_uri"]


@check("oauthlib-password-grant: LegacyApplicationClient fetch_token gives "
       "access + refresh tokens, Bearer, expires_in, scope")
def _():
    # The session's scope is what oauthlib checks the answer against (and
    # sends on refresh); fetch_token sends only its own scope argument.
    scope = ["read", "write"]
    S["pw"] = OAuth2Session(client=LegacyApplicationClient(E["PW_ID"]),
                            scope=scope)
    tok = S["tok"] = S["pw"].fetch_token(
        TOKEN_URL, username=E["USER_EMAIL"], password=E["USER_PASSWORD"],
        scope=scope, include_client_id=True,  # client_id, client_secret
        client_secret=E["PW_SECRET"])         # in the body, not Basic
    assert tok["access_token"] and tok["refresh_token"], tok
    assert tok["token_type"] == "Bearer" and tok["expires_in"] == 900, tok
    assert tok["scope"] == ["read", "write"], tok


@check("oauthlib-jwt-verify: PyJWT verifies the access token against "
       "jwks_uri (alg of the JWK, aud, iss, exp/iat/sub/jti, typ at+jwt)")
def _():
    claims, header, jwk = verify(S["tok"]["access_token"], E["PW_ID"])
    assert header["typ"] == "at+jwt", header
    assert claims["sub"] == E["USER_ID"], claims
    assert claims["client_id"] == E["PW_ID"], claims
    assert header["kid"] == thumbprint(jwk), ("kid is not RFC 7638", jwk)


@check("oauthlib-api-user: session.get(/api/user) gives the user's id, email")
def _():
    r = S["pw"].get(BASE + "/api/user")
    assert r.status_code == 200, (r.status_code, r.text)
    assert r.json()["id"] == int(E["USER_ID"]), r.text
    assert r.json()["email"] == E["USER_EMAIL"], r.text


@check("oauthlib-refresh-rotates: session.refresh_token gives a new refresh "
       "token and a working access token")
def _():
    S["basic"] = HTTPBasicAuth(E["PW_ID"], E["PW_SECRET"])
    new = S["pw"].refresh_token(TOKEN_URL, auth=S["basic"],
                                refresh_token=S["tok"]["refresh_token"])
    assert new["refresh_token"] != S["tok"]["refresh_token"], new
    assert new["access_token"] != S["tok"]["access_token"], new
    S["new_at"] = new["access_token"]
    r = S["pw"].get(BASE + "/api/user")
    assert r.status_code == 200, (r.status_code, r.text)


@check("oauthlib-refresh-reuse: the rotated-away refresh token raises "
       "InvalidGrantError")
def _():
    try:
        S["pw"].refresh_token(TOKEN_URL, auth=S["basic"],
                              refresh_token=S["tok"]["refresh_token"])
    except InvalidGrantError:
        return
    raise AssertionError("the old refresh token was accepted")


@check("oauthlib-refresh-reuse-revokes-family: the newest access token now "
       "gets 401 from /api/user")
def _():
    assert S["pw"].access_token == S["new_at"]  # sent by the session
    r = S["pw"].get(BASE + "/api/user")
    www = r.headers.get("WWW-Authenticate", "")
    assert r.status_code == 401 and 'error="invalid_token"' in www, \
        (r.status_code, www, r.text)


@check("oauthlib-cc-client-sub: BackendApplicationClient, a client without "
       "owner: sub is the client id (verified via JWKS), no refresh token")
def _():
    S["lone"] = tok = cc_token(E["LONE_ID"], E["LONE_SECRET"])
    assert "refresh_token" not in tok, tok
    claims = verify(tok["access_token"], E["LONE_ID"])[0]
    assert claims["sub"] == E["LONE_ID"], claims


@check("oauthlib-cc-owner-sub: a client made with --user: sub is the owner")
def _():
    tok = cc_token(E["OWNED_ID"], E["OWNED_SECRET"])
    claims = verify(tok["access_token"], E["OWNED_ID"])[0]
    assert claims["sub"] == E["OWNER_ID"], claims


@check("oauthlib-introspect-active: the client_credentials token is active "
       "with its client_id")
def _():
    i = introspect(S["lone"]["access_token"], (E["LONE_ID"], E["LONE_SECRET"]))
    assert i["active"] is True and i["client_id"] == E["LONE_ID"], i


@check("oauthlib-introspect-revoked: after /oauth/revoke it is "
       "{\"active\": false}")
def _():
    auth, at = (E["LONE_ID"], E["LONE_SECRET"]), S["lone"]["access_token"]
    r = requests.post(BASE + "/oauth/revoke", auth=auth,
                      data={"token": at, "token_type_hint": "access_token"})
    assert r.status_code == 200, (r.status_code, r.text)
    i = introspect(at, auth)
    assert i == {"active": False}, i


@check("oauthlib-rotate-new-kid: a token fetched after `cpassport keys "
       "--rotate` has a new kid")
def _():
    S["before"] = cc_token(E["LONE_ID"], E["LONE_SECRET"])["access_token"]
    p = subprocess.run([E["CPASSPORT"], "keys", "--rotate"],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    S["after"] = cc_token(E["LONE_ID"], E["LONE_SECRET"])["access_token"]
    S["kids"] = [jwt.get_unverified_header(S[t])["kid"]
                 for t in ("before", "after")]
    assert S["kids"][0] != S["kids"][1], S["kids"]


@check("oauthlib-rotate-jwks-both: the JWKS lists the old and the new key")
def _():
    kids = {k["kid"] for k in requests.get(S["jwks_uri"]).json()["keys"]}
    assert set(S["kids"]) <= kids, (S["kids"], kids)


@check("oauthlib-rotate-verify-both: a fresh PyJWKClient verifies the old "
       "and the new token")
def _():
    client = jwt.PyJWKClient(S["jwks_uri"])
    for t in (S["before"], S["after"]):
        assert verify(t, E["LONE_ID"], client)[0]["sub"] == E["LONE_ID"]
