#!/bin/sh
# How make check runs a test program (LOG_COMPILER): a fuzz replay over
# its corpus and reproducers (tests/fuzz/corpus/NAME/ for replay_NAME),
# anything else as it is.
case $(basename "$1") in
replay_*)
	name=$(basename "$1"); name=${name#replay_}
	exec "$1" "$srcdir/tests/fuzz/corpus/$name"/* ;;
*)	exec "$@" ;;
esac
