# Sourced by bench/run: its helpers for CPU time, a quiet machine and
# the targets table.
#
# CPU time of the stack's processes over one load run, by group, from
# /proc (jiffies, 1/100 s).  The postmaster's count includes the backends
# it reaped (pgbench's come and go); wrk's and pgbench's come from `times`
# (the shell's waited children); "rest" is the machine's busy time less
# all those: kernel threads, irq time and any other process (another
# session's job loading the machine shows there).
cpu_snap() {	# cpu_snap FILE
	local pm p
	pm=$(head -1 "$WORK/pg/postmaster.pid")
	{ echo "$pm pg 1"
	  for p in $(pgrep -P "$pm"); do echo "$p pg 0"; done
	  echo "$LIGHTTPD_PID lighttpd 0"
	  for p in $(pgrep -P "$LIGHTTPD_PID"); do echo "$p fcgi 0"; done
	} | while read -r p g k; do
		awk -v g="$g" -v k="$k" '{ print g, $14 + $15 + k * ($16 + $17) }' \
		    "/proc/$p/stat" 2>/dev/null
	done >"$1"
	awk '/^cpu / { print "all", $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat >>"$1"
	times >"$WORK/times"	# 2nd line: children's user and sys, "XmY.YYYs"
	awk -F'[ms ]' 'NR == 2 { print "kids", ($1 * 60 + $2 + $4 * 60 + $5) * 100 }' \
	    "$WORK/times" >>"$1"
}

# cpu_diff BEFORE AFTER SECONDS: "pg lighttpd fcgi client rest", in % of
# one core
cpu_diff() {
	awk -v s="$3" 'NR == FNR { b[$1] += $2; next } { a[$1] += $2 }
	    END { for (g in a) d[g] = a[g] - b[g]
		  rest = d["all"] - d["pg"] - d["lighttpd"] - d["fcgi"] - d["kids"]
		  printf "%4.0f %8.0f %4.0f %6.0f %4.0f", d["pg"] / s,
		      d["lighttpd"] / s, d["fcgi"] / s, d["kids"] / s,
		      (rest > 0 ? rest : 0) / s }' "$1" "$2"
}

# busy CPU_DIFF: a mark when "rest" passed 25 % of a core: something else
# (another session's tests, say) shared the machine during that run
busy() { awk '$5 > 25 { printf "  * busy" }' <<<"$1"; }

# quiet: wait (60 s at most) for two seconds in a row with under 15 % of a
# core busy on the whole machine, so that a run does not start on top of
# another session's job (the stack itself idles near 0)
quiet() {
	local i n=0 a b
	for i in $(seq 60); do
		a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)
		sleep 1
		b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)
		if [ $((b - a)) -lt 15 ]; then
			n=$((n + 1)); [ $n -lt 2 ] || return 0
		else n=0
		fi
	done
	echo "# the machine is still busy after 60 s: running anyway" >&2
}

# verdict NAME MEASURED OP TARGET UNIT DETAIL: one line of the targets table
verdict() {
	local met
	if [ "$(calc "($2 $3 $4) ? 1 : 0")" = 1 ]; then met="met"
	elif [ "$3" = ">=" ]; then met="NOT MET (by $(calc "(1 - $2 / $4) * 100" |
		xargs printf '%.0f') % of the target)"
	else	met="NOT MET (by $(calc "$2 - $4" | xargs printf '%.2f')$5)"
	fi
	say "$(printf '%-44s %-9s %-10s %-18s %s' "$1" "$3 $4$5" \
	    "$(printf '%.2f' "$2")$5" "$met" "${6:-}")"
}
best() {	# best NAME: the highest rate of NAME's three runs
	printf '%s\n' "${RATE[$1/1]}" "${RATE[$1/16]}" "${RATE[$1/64]}" |
	    sort -g | tail -1
}
rates() {	# rates NAME: "r1/r16/r64"
	printf '%.0f/%.0f/%.0f' "${RATE[$1/1]}" "${RATE[$1/16]}" "${RATE[$1/64]}"
}
