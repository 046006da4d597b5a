#!/bin/sh
# The last line of make check: "N passed, N failed" (", N skipped" when
# any), counted over every TAP result of the run's .trs files (a test
# that crashed or broke its plan counts as an ERROR, here a failure).
# Exits 1 when anything failed or nothing ran.
cat "$@" 2>/dev/null | awk '
	$1 == ":test-result:" {
		if ($2 == "PASS" || $2 == "XFAIL") pass++
		else if ($2 == "SKIP") skip++
		else fail++
	}
	END {
		line = sprintf("%d passed, %d failed", pass, fail)
		if (skip) line = line sprintf(", %d skipped", skip)
		print line
		exit (fail || pass + skip == 0) ? 1 : 0
	}'
