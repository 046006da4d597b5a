#!/usr/bin/env python3
"""A raw FastCGI client (the web server's side, FastCGI 1.0 spec), for
tests that a web server would hide: lighttpd and nginx buffer a request
body before they pass it on, so a client trickling its body never reaches
the program through them.

usage: fcgi_client.py SOCKET [--param NAME=VALUE]... [--body TEXT]
           [--content-length N] [--send N] [--trickle SECONDS]
           [--timeout SECONDS]

Sends the params (CONTENT_LENGTH is --content-length, default the body's
length), then the first --send bytes of the body (default all), one byte
every --trickle seconds when given, and the end of stdin only when the
whole body was sent; a body cut short is followed by silence, the
connection held open, as a slow client does.  Prints the program's answer
(its stdout) and one last line "elapsed SECONDS", or "timeout" when none
came within --timeout.
"""
import argparse
import socket
import struct
import sys
import time

VERSION, BEGIN, PARAMS, STDIN, STDOUT, STDERR, END = 1, 1, 4, 5, 6, 7, 3
RESPONDER, REQUEST_ID = 1, 1


def record(kind, content=b""):
    return struct.pack(">BBHHBx", VERSION, kind, REQUEST_ID, len(content),
                       0) + content


def pair(name, value):
    def length(n):
        return struct.pack(">B", n) if n < 128 else \
            struct.pack(">I", n | 0x80000000)
    return length(len(name)) + length(len(value)) + name + value


def read_answer(sock, deadline):
    """The STDOUT bytes until END_REQUEST, or None past the deadline."""
    buf, out = b"", b""
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        sock.settimeout(left)
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            return None
        except ConnectionResetError:
            return out if out else None
        if not chunk:
            return out
        buf += chunk
        while len(buf) >= 8:
            _, kind, _, clen, plen = struct.unpack(">BBHHB", buf[:7])
            if len(buf) < 8 + clen + plen:
                break
            content, buf = buf[8:8 + clen], buf[8 + clen + plen:]
            if kind == STDOUT:
                out += content
            elif kind == END:
                return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("socket")
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--body", default="")
    ap.add_argument("--content-length", type=int)
    ap.add_argument("--send", type=int)
    ap.add_argument("--trickle", type=float)
    ap.add_argument("--timeout", type=float, default=30)
    a = ap.parse_args()
    body = a.body.encode()
    clen = len(body) if a.content_length is None else a.content_length
    send = body if a.send is None else body[:a.send]
    params = b"".join(pair(*p.encode().split(b"=", 1)) for p in a.param)
    params += pair(b"CONTENT_LENGTH", str(clen).encode())
    start = time.monotonic()
    deadline = start + a.timeout
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(a.socket)
    s.sendall(record(BEGIN, struct.pack(">HB5x", RESPONDER, 0)) +
              record(PARAMS, params) + record(PARAMS))
    try:
        if a.trickle:
            for i in range(len(send)):
                s.sendall(record(STDIN, send[i:i + 1]))
                time.sleep(a.trickle)
                if time.monotonic() > deadline:
                    break
        elif send:
            s.sendall(record(STDIN, send))
        if len(send) == clen:
            s.sendall(record(STDIN))
    except (BrokenPipeError, ConnectionResetError):
        pass    # the program stopped reading and answered: read it
    out = read_answer(s, deadline)
    if out is None:
        print("timeout")
    else:
        sys.stdout.write(out.decode("utf-8", "replace"))
        print()
    print("elapsed %.2f" % (time.monotonic() - start))
    s.close()


if __name__ == "__main__":
    main()
