-- Shared by the wrk scripts (dofile): done() prints one line bench/run
-- parses: requests, duration (us), p50 and p99 latency (us), non-2xx/3xx
-- responses, socket errors (connect, read, write, timeout).
function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("BENCH %d %d %.0f %.0f %d %d\n",
	    summary.requests, summary.duration,
	    latency:percentile(50), latency:percentile(99),
	    e.status, e.connect + e.read + e.write + e.timeout))
	if pool_report then pool_report() end
end
