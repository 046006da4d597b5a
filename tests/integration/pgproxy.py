#!/usr/bin/env python3
"""A PostgreSQL protocol proxy that fails on command, for db-faults.sh.

    pgproxy.py PORT SERVER_SOCKET CONTROL TRACE

Listens on 127.0.0.1:PORT and relays each connection to the server's
unix socket, one client batch (messages up to Sync or a Query) and its
answer (up to ReadyForQuery) at a time.  Before each batch it reads the
one line of the CONTROL file:

  swallow TEXT  the next Bind or Query containing TEXT is sent on, its
                answer read and thrown away, and both sides closed: the
                statement ran and the client never learns it.  One shot:
                the file is emptied.
  discard N [TEXT]
                each connection, once for each N, first runs DISCARD ALL
                on its idle session (a pooler's server reset) before a
                batch (containing TEXT): every statement the client
                prepared is gone.

TRACE gets a line per Bind ("bind NAME") and Query ("query TEXT"), and
"swallowed TEXT" or "discarded".  The server must trust the client (no
password exchange) and the client ask for no TLS (sslmode=disable).
"""
import socket
import struct
import sys
import threading

PORT, SERVER, CONTROL, TRACE = int(sys.argv[1]), *sys.argv[2:5]
lock = threading.Lock()


def trace(line):
    with lock, open(TRACE, "a") as f:
        f.write(line + "\n")


def command():
    """The control file's command, as a list of its words."""
    with open(CONTROL) as f:
        words = f.read().split()
    return words if words[:1] != ["swallow"] else words[:1] + [" ".join(
        words[1:])]


def take_swallow(pattern):
    """1 when the control file still asks to swallow pattern; emptied."""
    with lock:
        if command() != ["swallow", pattern]:
            return 0
        open(CONTROL, "w").close()
        return 1


def recv(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return buf


def message(sock):
    """One typed message: (type, its bytes)."""
    head = recv(sock, 5)
    return head[:1], head + recv(sock, struct.unpack("!I", head[1:])[0] - 4)


def startup(sock):
    """The startup packet, after refusing TLS and GSS encryption."""
    while True:
        head = recv(sock, 4)
        body = recv(sock, struct.unpack("!I", head)[0] - 4)
        if struct.unpack("!I", body[:4])[0] not in (80877103, 80877104):
            return head + body
        sock.sendall(b"N")


def answer(server, client):
    """Relay (or, with client None, drop) up to ReadyForQuery: its status."""
    while True:
        kind, msg = message(server)
        if client is not None:
            client.sendall(msg)
        if kind == b"Z":
            return msg[5:6]


def text(kind, msg):
    """What the trace shows and a swallow matches: a name or the SQL."""
    body = msg[5:]
    if kind == b"B":
        return "bind " + body.split(b"\0")[1].decode()
    return "query " + body.rstrip(b"\0").decode(errors="replace")


def relay(client, server):
    server.connect(SERVER)
    server.sendall(startup(client))
    status, discarded = answer(server, client), None
    while True:
        batch = []
        while not batch or batch[-1][0] not in (b"S", b"Q", b"X"):
            batch.append(message(client))
        if batch[-1][0] == b"X":
            return
        shown = [text(k, m) for k, m in batch if k in (b"B", b"Q")]
        order = command()
        if order[:1] == ["discard"] and discarded != order[1] and \
                status == b"I" and \
                any(" ".join(order[2:]) in line for line in shown):
            server.sendall(b"Q" + struct.pack("!I", 16) + b"DISCARD ALL\0")
            answer(server, None)
            discarded = order[1]
            trace("discarded")
        for line in shown:
            trace(" ".join(line.split())[:70])
        server.sendall(b"".join(m for _, m in batch))
        if order[:1] == ["swallow"] and \
                any(order[1] in line for line in shown) and \
                take_swallow(order[1]):
            answer(server, None)
            trace("swallowed " + order[1])
            return
        status = answer(server, client)


def serve(client):
    with client, socket.socket(socket.AF_UNIX) as server:
        try:
            relay(client, server)
        except (EOFError, OSError):
            pass


def main():
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", PORT))
    listener.listen(64)
    while True:
        client, _ = listener.accept()
        threading.Thread(target=serve, args=(client,), daemon=True).start()


main()
