# A web server in a session of its own, stopped with everything in it.
# Source it (POSIX sh).  A web server's FastCGI processes stay in its
# session, including those it re-spawned after anyone read its children's
# PIDs, and those it left behind when it died: stopping the session ends
# them all, where stopping the server by its PID and its children by a
# list read earlier does not.  Needs a shell without job control (a
# script), where a background job is no process group leader and
# setsid(1) runs the server itself, so its PID is the session's id.
# Safe under set -eu.
#
#   session_start CMD [ARG]...  CMD in a new session, in the background;
#                               its PID (the session id) in SESSION_PID
#   session_stop SID            SIGTERM to every process of the session
#                               until none is left (a process re-spawned
#                               meanwhile gets it too), SIGKILL after
#                               SESSION_STOP_SECONDS (default 5); reaps SID
#   session_members SID         the session's live processes (no zombies)
#   processes_under PREFIX...   live processes whose command line names a
#                               PREFIX, or whose working directory, an open
#                               file or a bound Unix socket starts with one:
#                               what a stack in its own directory (the
#                               tests' mktemp one) left running

session_start() {
	setsid "$@" &
	SESSION_PID=$!
}

session_members() {
	ps -o pid=,stat= -s "$1" 2>/dev/null | awk '$2 !~ /^Z/ { print $1 }'
}

session_stop() {
	_sid=$1 _tries=$((${SESSION_STOP_SECONDS:-5} * 20)) _pids=
	[ -n "$_sid" ] || return 0
	while [ "$_tries" -gt 0 ]; do
		_pids=$(session_members "$_sid")
		[ -n "$_pids" ] || break
		# shellcheck disable=SC2086 # a list of PIDs
		kill -TERM $_pids 2>/dev/null || :
		sleep 0.05
		_tries=$((_tries - 1))
	done
	_pids=$(session_members "$_sid")
	# shellcheck disable=SC2086
	[ -z "$_pids" ] || kill -KILL $_pids 2>/dev/null || :
	wait "$_sid" 2>/dev/null || :
	return 0
}

processes_under() {
	python3 - "$@" <<'PY'
import os, sys
prefixes = [p for p in sys.argv[1:] if p]
def under(path):
    return any(path.startswith(p) for p in prefixes)
socks = {}
with open("/proc/net/unix") as f:
    next(f)
    for line in f:
        parts = line.split()
        if len(parts) >= 8:
            socks["socket:[%s]" % parts[6]] = parts[7]
me = {os.getpid(), os.getppid()}
for pid in filter(str.isdigit, os.listdir("/proc")):
    if int(pid) in me:
        continue
    d = "/proc/" + pid
    try:
        with open(d + "/stat") as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "Z":
                continue
        with open(d + "/cmdline", "rb") as f:
            argv = f.read().decode("utf-8", "replace").split("\0")
        paths = [os.readlink(d + "/cwd")]
        for fd in os.listdir(d + "/fd"):
            try:
                t = os.readlink(d + "/fd/" + fd)
            except OSError:
                continue
            paths.append(socks.get(t, t))
    except (OSError, IndexError):
        continue
    if any(q in a for a in argv for q in prefixes) or any(map(under, paths)):
        print(pid)
PY
}
