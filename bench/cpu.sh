# Sourced by bench/run: CPU time of the stack's processes over one load
# run, by group, from /proc (jiffies, 1/100 s).  The postmaster's count
# includes the backends it reaped (pgbench's come and go); wrk's and
# pgbench's come from `times` (the shell's waited children); "rest" is the
# machine's busy time less all those: kernel threads, irq time and any
# other process (another job loading the machine shows there).
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
