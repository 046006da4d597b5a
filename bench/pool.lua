-- wrk: grants that each spend a secret no request used before (refresh
-- tokens, authorization codes).  BENCH_POOL_FORM is the form up to the
-- secret ("grant_type=refresh_token&refresh_token=" by default), to which
-- each request appends its own.
-- BENCH_POOL is a file of unused secrets, one a line; of
-- BENCH_THREADS threads, thread i takes lines i, i+n, i+2n, ... (threads
-- have separate Lua states, so they cannot share a counter).  When its
-- slice runs out a thread sends "pool-exhausted", which fails (non-2xx).
-- BENCH_AUTH: the client's "Basic ..." header.
local threads, nthreads = {}, 0

function setup(thread)
	thread:set("id", nthreads)
	nthreads = nthreads + 1
	table.insert(threads, thread)
end

-- used and ntokens are globals: done() reads them with thread:get().
local tokens = {}
used, ntokens = 0, 0
local form = os.getenv("BENCH_POOL_FORM") or
    "grant_type=refresh_token&refresh_token="
local headers = {
	["Authorization"] = os.getenv("BENCH_AUTH"),
	["Content-Type"] = "application/x-www-form-urlencoded",
}

function init(args)
	local n, i = tonumber(os.getenv("BENCH_THREADS")), 0
	for line in io.lines(os.getenv("BENCH_POOL")) do
		if i % n == id then tokens[#tokens + 1] = line end
		i = i + 1
	end
	ntokens = #tokens
end

function request()
	used = used + 1
	return wrk.format("POST", nil, headers,
	    form .. (tokens[used] or "pool-exhausted"))
end

-- Called by done(): tokens handed out and the pool's size, all threads.
function pool_report()
	local u, size = 0, 0
	for _, t in ipairs(threads) do
		u = u + t:get("used")
		size = size + t:get("ntokens")
	end
	io.write(string.format("POOL %d %d\n", u, size))
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
