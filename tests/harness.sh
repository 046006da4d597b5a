#!/bin/sh
# The test harness behind `make check`: runs each test (a TAP-printing
# program or shell script), re-prints its results as one numbered TAP
# stream ("ok N - test: description"), counts a crash or a missing plan
# as a failure, and ends with "N passed, N failed, N skipped".
set -u
n=0 passed=0 failed=0 skipped=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# Each argument is a test: a program or script, optionally followed (in
# the same argument) by its arguments.
for t in "$@"; do
	set -- $t
	name=$(basename "$1")
	case "$1" in
	*.sh) bash "$@" >"$out" 2>"$out.err" ;;
	*) "./$@" >"$out" 2>"$out.err" ;;
	esac
	status=$?
	planned=$(sed -n 's/^1\.\.\([0-9][0-9]*\).*/\1/p' "$out" | tail -1)
	seen=0
	while IFS= read -r line; do
		case "$line" in
		"ok "*|"not ok "*)
			seen=$((seen + 1)); n=$((n + 1))
			desc=$(printf '%s\n' "$line" | sed 's/^\(not \)\{0,1\}ok [0-9]* *-\{0,1\} *//')
			case "$line" in
			"not ok "*) failed=$((failed + 1)); echo "not ok $n - $name: $desc" ;;
			*"# SKIP"*|*"# skip"*) skipped=$((skipped + 1)); echo "ok $n - $name: $desc" ;;
			*) passed=$((passed + 1)); echo "ok $n - $name: $desc" ;;
			esac ;;
		"#"*) echo "$line" ;;
		esac
	done <"$out"
	if [ "$status" -ne 0 ] && [ "$(grep -c '^not ok' "$out")" -eq 0 ] ||
	    [ -z "$planned" ] || [ "$planned" != "$seen" ]; then
		n=$((n + 1)); failed=$((failed + 1))
		echo "not ok $n - $name: exited $status, planned ${planned:-none}, ran $seen"
		sed 's/^/# /' "$out.err" | tail -30
	fi
	rm -f "$out.err"
done
echo "1..$n"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
