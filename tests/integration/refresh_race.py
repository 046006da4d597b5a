#!/usr/bin/python3
"""Present one refresh token twice at the same instant (RFC 9700 §4.14.2).

usage: refresh_race.py BASE CLIENT_ID SECRET REFRESH_TOKEN OUT_PREFIX
Both connections are open before a barrier releases the two requests, so
they reach the server together.  Writes OUT_PREFIX.N (body) and
OUT_PREFIX.N.status for N = 1, 2.
"""
import base64
import http.client
import sys
import threading
import urllib.parse

base, cid, secret, token, out = sys.argv[1:6]
url = urllib.parse.urlsplit(base)
auth = base64.b64encode(f"{cid}:{secret}".encode()).decode()
body = urllib.parse.urlencode({"grant_type": "refresh_token",
                               "refresh_token": token})
go = threading.Barrier(2)


def present(n):
    c = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    c.connect()
    go.wait()
    c.request("POST", "/oauth/token", body, {
        "Authorization": "Basic " + auth,
        "Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    with open(f"{out}.{n}", "wb") as f:
        f.write(r.read())
    with open(f"{out}.{n}.status", "w") as f:
        f.write(str(r.status))
    c.close()


threads = [threading.Thread(target=present, args=(n,)) for n in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
